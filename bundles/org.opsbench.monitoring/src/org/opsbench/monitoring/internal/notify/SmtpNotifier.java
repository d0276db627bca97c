package org.opsbench.monitoring.internal.notify;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.checks.ParameterException;
import org.opsbench.monitoring.internal.support.VaultSecrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sends each notification as a plain-text e-mail ({@link MailMessage}) over SMTP ({@link SmtpClient}): STARTTLS by
 * default, implicit TLS or none by setting; the AUTH password is read from the vault by alias and never goes over an
 * unencrypted connection unless {@code allowPlainAuth} says so. One message goes to every recipient of {@code to}, or
 * to none: a refused recipient fails the delivery before the message is sent.
 */
@Component(service = Notifier.class, property = "notifier=smtp")
public final class SmtpNotifier implements ValidatingNotifier {

    private final VaultSecrets secrets;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public SmtpNotifier(@Reference VaultSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String id() {
        return "smtp";
    }

    @Override
    public String displayName() {
        return "E-mail (SMTP)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(SmtpSettings.HOST, "SMTP server", Parameter.Type.STRING),
                Parameter.optional(SmtpSettings.PORT, "Port (587 for starttls, 465 for implicit, 25 for none)",
                        Parameter.Type.INTEGER, null),
                Parameter.optional(SmtpSettings.TLS, "Encryption: starttls, implicit or none", Parameter.Type.STRING,
                        "starttls"),
                Parameter.optional(SmtpSettings.TRUST_CERTIFICATES,
                        "Trusted certificates (PEM file) instead of the JDK's authorities", Parameter.Type.STRING,
                        null),
                Parameter.optional(SmtpSettings.USER, "User for AUTH", Parameter.Type.STRING, null),
                Parameter.optional(SmtpSettings.PASSWORD_ALIAS, "Password (vault alias)", Parameter.Type.SECRET_ALIAS,
                        null),
                Parameter.optional(SmtpSettings.ALLOW_PLAIN_AUTH, "Allow AUTH without encryption",
                        Parameter.Type.BOOLEAN, "false"),
                Parameter.required(SmtpSettings.FROM, "From (address)", Parameter.Type.STRING),
                Parameter.required(SmtpSettings.TO, "To (addresses, comma-separated)", Parameter.Type.STRING),
                Parameter.optional(SmtpSettings.HELO_NAME, "Name given in EHLO", Parameter.Type.STRING, null),
                Parameter.optional(SmtpSettings.TIMEOUT, "Timeout", Parameter.Type.DURATION,
                        SmtpSettings.DEFAULT_TIMEOUT.toString()));
    }

    @Override
    public void validate(Map<String, String> settings) throws ParameterException {
        SmtpSettings.read(ParameterException.reader(settings));
    }

    @Override
    public void send(Notification notification, Map<String, String> settings) throws DeliveryException {
        SmtpSettings smtp = SmtpSettings.of(settings);
        String message = MailMessage.compose(notification, smtp.from(), smtp.to(), smtp.fromDomain(), clock.instant());
        byte[] password = smtp.user() == null
                ? null
                : Settings.secret(secrets, id(), SmtpSettings.PASSWORD_ALIAS, smtp.passwordAlias());
        try {
            SmtpClient.deliver(smtp, password, message);
        } finally {
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }
}
