package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed server certificates made by the JDK's {@code keytool} at test time. */
final class TestCertificates {

    /**
     * A certificate with its key, for a server.
     *
     * @param pem
     *            the certificate a client is told to trust, as a PEM file: the server's own, or its CA's
     * @param server
     *            a TLS context presenting it
     */
    record Issued(Path pem, SSLContext server) {
    }

    private TestCertificates() {
    }

    /**
     * A self-signed EC certificate for {@code CN=localhost} with the subject alternative names {@code san} (such as
     * {@code dns:localhost,ip:127.0.0.1}), valid from {@code startDate} (keytool syntax: {@code -3d}, or {@code null}
     * for now) for {@code validityDays}.
     */
    static Issued selfSigned(Path folder, String name, String san, String startDate, int validityDays)
            throws Exception {
        Path keystore = folder.resolve(name + ".p12");
        Path pem = folder.resolve(name + ".pem");
        List<String> generate = new ArrayList<>(store(keystore, "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=" + san, "-validity",
                Integer.toString(validityDays)));
        if (startDate != null) {
            generate.addAll(List.of("-startdate", startDate));
        }
        keytool(generate);
        keytool(store(keystore, "-exportcert", "-rfc", "-alias", name, "-file", pem.toString()));
        return new Issued(pem, server(keystore));
    }

    /**
     * A certificate for {@code CN=localhost} with the names {@code san}, issued by a CA of its own (valid 30 days);
     * {@link Issued#pem()} is the CA's certificate, the server presents the chain.
     */
    static Issued issuedByCa(Path folder, String name, String san, String startDate, int validityDays)
            throws Exception {
        Path ca = folder.resolve(name + "-ca.p12");
        Path caPem = folder.resolve(name + "-ca.pem");
        Path keystore = folder.resolve(name + ".p12");
        Path request = folder.resolve(name + ".csr");
        Path leaf = folder.resolve(name + ".crt");
        keytool(store(ca, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Opsbench Test CA " + name, "-ext", "bc:c", "-validity", "30"));
        keytool(store(ca, "-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString()));
        keytool(store(keystore, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost"));
        keytool(store(keystore, "-certreq", "-alias", name, "-file", request.toString()));
        List<String> issue = new ArrayList<>(store(ca, "-gencert", "-alias", "ca", "-infile", request.toString(),
                "-outfile", leaf.toString(), "-rfc", "-ext", "SAN=" + san, "-validity",
                Integer.toString(validityDays)));
        if (startDate != null) {
            issue.addAll(List.of("-startdate", startDate));
        }
        keytool(issue);
        keytool(store(keystore, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString()));
        keytool(store(keystore, "-importcert", "-noprompt", "-alias", name, "-file", leaf.toString()));
        return new Issued(caPem, server(keystore));
    }

    private static List<String> store(Path keystore, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
        if (arguments[0].equals("-genkeypair")) {
            all.addAll(List.of("-keypass", "changeit"));
        }
        return all;
    }

    private static SSLContext server(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        return server;
    }

    private static void keytool(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), "keytool " + command + ": " + output);
    }
}
