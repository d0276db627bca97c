package com.example.opsbench.tlsexpiry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Parameter;
import org.osgi.service.component.annotations.Component;

/**
 * Check type {@code tls-expiry}: opens a TLS connection to the target and reports how many days its server certificate
 * has left. WARNING below {@code warn.days}, CRITICAL below {@code critical.days} or when expired, UNKNOWN when the
 * handshake fails. The certificate is read whoever signed it: trust is another check's job, expiry is this one's.
 */
@Component(service = CheckType.class)
public final class TlsExpiryCheck implements CheckType {

    @Override
    public String id() {
        return "tls-expiry";
    }

    @Override
    public String displayName() {
        return "TLS certificate expiry";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.optional("port", "Port", Parameter.Type.INTEGER, "443"),
                Parameter.optional("server.name", "Server name (SNI), by default the address", Parameter.Type.STRING,
                        null),
                Parameter.optional("warn.days", "Warn below (days)", Parameter.Type.INTEGER, "30"),
                Parameter.optional("critical.days", "Critical below (days)", Parameter.Type.INTEGER, "7"));
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        int port;
        long warn;
        long critical;
        try {
            port = Integer.parseInt(context.parameter("port", "443"));
            warn = Long.parseLong(context.parameter("warn.days", "30"));
            critical = Long.parseLong(context.parameter("critical.days", "7"));
        } catch (NumberFormatException e) {
            return CheckResult.of(Health.UNKNOWN, "UNKNOWN - port, warn.days and critical.days are whole numbers: "
                    + e.getMessage());
        }
        String serverName = context.parameter("server.name", context.address());
        X509Certificate cert;
        try {
            cert = serverCertificate(context.address(), port, serverName, context.timeout());
        } catch (IOException | GeneralSecurityException e) {
            return CheckResult.of(Health.UNKNOWN, "UNKNOWN - no TLS handshake with " + context.address() + ":" + port
                    + ": " + e.getMessage());
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        long days = Duration.between(Instant.now(), notAfter).toDays();
        Health health = days < 0 || days < critical ? Health.CRITICAL : days < warn ? Health.WARNING : Health.OK;
        String subject = cert.getSubjectX500Principal().getName();
        String summary = days < 0 ? "certificate of " + subject + " expired on " + notAfter
                : "certificate of " + subject + " expires in " + days + " days (" + notAfter + ")";
        return new CheckResult(health, health + " - " + summary, List.of(new Metric("days_left", days, "d")));
    }

    private static X509Certificate serverCertificate(String host, int port, String serverName, Duration timeout)
            throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new ReadOnly()}, null);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            SSLParameters params = socket.getSSLParameters();
            if (serverName != null && !serverName.isBlank() && !serverName.matches("[0-9.:]+")) {
                params.setServerNames(List.of(new SNIHostName(serverName)));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        }
    }

    /** Accepts any chain: the check reads the certificate, it does not vouch for it. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // read, not trusted: nothing is sent over this connection
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
