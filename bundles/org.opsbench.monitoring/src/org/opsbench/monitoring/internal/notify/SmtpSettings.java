package org.opsbench.monitoring.internal.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.opsbench.core.spi.Notifier.DeliveryException;
import org.opsbench.monitoring.internal.support.Values;

/**
 * The validated settings of one e-mail channel.
 *
 * @param host
 *            the SMTP server
 * @param port
 *            its port
 * @param tls
 *            how the connection is encrypted
 * @param trustCertificates
 *            a PEM or DER file of the certificates trusted instead of the JDK's authorities, or {@code null}
 * @param allowPlainAuth
 *            whether the password may go over an unencrypted connection
 * @param user
 *            the login for AUTH, or {@code null} for none
 * @param passwordAlias
 *            vault alias of the password, when {@code user} is set
 * @param from
 *            the envelope and header sender
 * @param to
 *            the recipients, at least one
 * @param heloName
 *            the name given in EHLO, or {@code null} for the local address literal
 * @param timeout
 *            for connecting and for every answer
 */
record SmtpSettings(String host, int port, Tls tls, Path trustCertificates, boolean allowPlainAuth, String user,
        String passwordAlias, String from, List<String> to, String heloName, Duration timeout) {

    /** How the connection is encrypted. */
    enum Tls {
        /** Plain SMTP, then STARTTLS, which the server must offer (port 587 by default). */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS, port 465 by default). */
        IMPLICIT(465),
        /** No encryption (port 25 by default): for a relay on a trusted network. */
        NONE(25);

        final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    static final String HOST = "host";
    static final String PORT = "port";
    static final String TLS = "tls";
    static final String TRUST_CERTIFICATES = "trustCertificates";
    static final String ALLOW_PLAIN_AUTH = "allowPlainAuth";
    static final String USER = "user";
    static final String PASSWORD_ALIAS = "passwordAlias";
    static final String FROM = "from";
    static final String TO = "to";
    static final String HELO_NAME = "heloName";
    static final String TIMEOUT = "timeout";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // an RFC 5321 Mailbox in ASCII: dot-atom local part, host name or IPv4 address literal
    private static final Pattern ADDRESS = Pattern
            .compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[\\d{1,3}(\\.\\d{1,3}){3}\\])");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    /** Reads and checks the settings; the message of a refusal names the setting. */
    static SmtpSettings of(Map<String, String> settings) throws DeliveryException {
        return read(Settings.of("smtp", settings));
    }

    /** Reads and checks the settings through {@code s}, whose refusals name the setting. */
    static <E extends Exception> SmtpSettings read(Values<E> s) throws E {
        String host = s.required(HOST);
        if (!HOST_NAME.matcher(host).matches() && !host.matches("\\[?[0-9A-Fa-f:.]+]?")) {
            throw s.invalid(HOST, "must be a host name or an IP address");
        }
        Tls tls = tls(s);
        Path trust = s.readableFile(TRUST_CERTIFICATES);
        boolean allowPlainAuth = s.bool(ALLOW_PLAIN_AUTH, false);
        String user = s.optional(USER);
        String passwordAlias = s.optional(PASSWORD_ALIAS);
        if (user != null && passwordAlias == null) {
            throw s.invalid(PASSWORD_ALIAS, "is required when '" + USER + "' is set (the vault alias of the password)");
        }
        if (user == null && passwordAlias != null) {
            throw s.invalid(USER, "is required when '" + PASSWORD_ALIAS + "' is set");
        }
        if (user != null && user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw s.invalid(USER, "has a control character");
        }
        if (user != null && tls == Tls.NONE && !allowPlainAuth) {
            throw s.invalid(TLS, "is none: refusing AUTH over an unencrypted connection (the password would travel"
                    + " in clear); use " + TLS + "=starttls or " + TLS + "=implicit, or set " + ALLOW_PLAIN_AUTH
                    + "=true for a trusted network");
        }
        String from = address(s, FROM, s.required(FROM));
        List<String> to = new ArrayList<>();
        for (String entry : s.required(TO).split(",")) {
            if (!entry.isBlank()) {
                to.add(address(s, TO, entry.strip()));
            }
        }
        if (to.isEmpty()) {
            throw s.invalid(TO, "names no recipient");
        }
        String helo = s.optional(HELO_NAME);
        if (helo != null && !HOST_NAME.matcher(helo).matches()) {
            throw s.invalid(HELO_NAME, "must be a host name");
        }
        return new SmtpSettings(host, s.integer(PORT, tls.defaultPort, 1, 65535), tls, trust, allowPlainAuth, user,
                passwordAlias, from, List.copyOf(to), helo,
                s.duration(TIMEOUT, DEFAULT_TIMEOUT, Duration.ofMinutes(5)));
    }

    /** {@code host:port}, for messages. */
    String server() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The domain of the sender, for the Message-ID. */
    String fromDomain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }

    private static <E extends Exception> Tls tls(Values<E> s) throws E {
        String value = s.optional(TLS);
        if (value == null) {
            return Tls.STARTTLS;
        }
        try {
            return Tls.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw s.invalid(TLS, "must be starttls, implicit or none, was '" + Values.printable(value) + "'");
        }
    }

    private static <E extends Exception> String address(Values<E> s, String setting, String address)
            throws E {
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw s.invalid(setting, "has an invalid e-mail address '" + Values.printable(address)
                    + "' (expected local@domain, ASCII, no display name)");
        }
        return address;
    }
}
