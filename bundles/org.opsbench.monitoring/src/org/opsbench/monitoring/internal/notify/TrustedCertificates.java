package org.opsbench.monitoring.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.opsbench.core.spi.Notifier.DeliveryException;

/** TLS socket factories: the JDK's, or one that trusts exactly the certificates of a file (a private CA, a pin). */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** The JDK's default factory when {@code file} is {@code null}, else one trusting only the file's certificates. */
    static SSLSocketFactory socketFactory(Path file) throws DeliveryException {
        if (file == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new DeliveryException("smtp notifier: setting '" + SmtpSettings.TRUST_CERTIFICATES + "': "
                        + file + " holds no certificate", null);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new DeliveryException("smtp notifier: setting '" + SmtpSettings.TRUST_CERTIFICATES
                    + "': cannot read certificates from " + file + ": " + Settings.printable(e.getMessage()), e);
        }
    }
}
