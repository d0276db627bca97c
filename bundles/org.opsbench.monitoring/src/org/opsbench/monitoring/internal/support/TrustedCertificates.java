package org.opsbench.monitoring.internal.support;

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
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts: the JDK's, or one that trusts exactly the certificates of a PEM file (a private CA, a pinned server
 * certificate). Host names are checked by the caller (HTTPS endpoint identification), not here.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * The JDK's default context when {@code file} is {@code null}, else one trusting only the file's certificates.
     *
     * @throws IOException
     *             when the file cannot be read or holds no certificate; the message names the file and says why
     */
    public static SSLContext context(Path file) throws IOException {
        if (file == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IOException("the JDK's TLS context is not available: " + Values.printable(e.getMessage()), e);
            }
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot read certificates from " + file + ": " + Values.printable(e.getMessage()), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + " holds no certificate");
        }
        try {
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
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot trust the certificates of " + file + ": " + Values.printable(e.getMessage()),
                    e);
        }
    }
}
