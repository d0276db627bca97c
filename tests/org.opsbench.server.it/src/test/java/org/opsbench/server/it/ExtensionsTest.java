package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party bundles in the running server, as an administrator installs them: the example built by its own Tycho
 * build against the p2 repository ({@code examples/}) is dropped into {@code <workspace>/extensions/}, its check type
 * runs against a real TLS listener and gives a result, and once the jar is removed nothing of it remains; the
 * deliberately faulty bundle (a check that throws, one that hangs ignoring interrupts, a component that throws in
 * activation) is shown as faulty while the other checks keep their schedule.
 */
class ExtensionsTest {

    @RegisterExtension
    final ServerProduct product = new ServerProduct();

    @TempDir
    Path dir;

    @Test
    void theExampleCheckTypeRunsWhenDroppedInAndLeavesNothingWhenRemoved() throws Exception {
        Path jar = example("com.example.opsbench.tlsexpiry");
        int port = tlsListener(10);
        RunningServer server = product.start(dir, "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        server.loginAsAdmin();
        assertTrue(server.answer("opsbench:extensions").contains("no extensions installed"));
        String before = server.answer("monitoring:host set tls-web address=127.0.0.1 check=tcp check.port=" + port
                + " interval=1h attempts=1");
        assertTrue(before.contains("created host set tls-web"), before);
        String unknown = server.answer("monitoring:check set tls-web/cert type=tls-expiry port=" + port);
        assertTrue(unknown.contains("error:") && unknown.contains("tls-expiry"), unknown);

        Path extensions = server.workspace().resolve("extensions");
        Files.createDirectories(extensions);
        Files.copy(jar, extensions.resolve(jar.getFileName()));
        // ACTIVE once monitoring has bound the check type (DS creates a delayed component on first use)
        String listed = server.answerUntil("opsbench:extensions",
                out -> out.contains("component com.example.opsbench.tlsexpiry.TlsExpiryCheck ACTIVE"));
        assertTrue(Pattern.compile("ACTIVE\\s+com.example.opsbench.tlsexpiry 1.0.0").matcher(listed).find(), listed);
        assertFalse(listed.contains("FAULTY"), listed);

        String created = server.answer("monitoring:check set tls-web/cert type=tls-expiry port=" + port
                + " warn.days=30 critical.days=3 interval=1h attempts=1");
        assertTrue(created.contains("created check set tls-web/cert"), created);
        String result = server.answer("monitoring:run tls-web/cert");
        assertTrue(result.contains("tls-web/cert: WARNING (HARD)"), result);
        assertTrue(Pattern.compile("certificate of CN=tls-web.test expires in (9|10) days").matcher(result).find(),
                result);
        assertTrue(result.contains("days_left"), result);
        server.awaitLog("Extension com.example.opsbench.tlsexpiry");

        Files.delete(extensions.resolve(jar.getFileName()));
        server.answerUntil("opsbench:extensions", out -> out.contains("no extensions installed"));
        assertFalse(server.answer("opsbench:extensions -a").contains("com.example"));
        String gone = server.answer("monitoring:run tls-web/cert");
        assertTrue(gone.contains("check type 'tls-expiry' is not installed"), gone);
        server.awaitLog("uninstalled: " + jar.getFileName() + " was removed");
    }

    @Test
    void aFaultyBundleIsShownAsFaultyAndOtherChecksKeepTheirSchedule() throws Exception {
        Path jar = example("com.example.opsbench.faulty");
        AtomicInteger connects = new AtomicInteger();
        int steadyPort = countingListener(connects);
        RunningServer server = product.start(dir, "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        server.loginAsAdmin();
        String steady = server.answer("monitoring:host set steady address=127.0.0.1 check=tcp check.port=" + steadyPort
                + " interval=1s attempts=1");
        assertTrue(steady.contains("created host set steady"), steady);

        String installed = server.answer("opsbench:install " + jar);
        Matcher file = Pattern.compile("installed com.example.opsbench.faulty \\S+ as (\\S+\\.jar): ACTIVE")
                .matcher(installed);
        assertTrue(file.find(), installed);
        String faulty = server.answerUntil("opsbench:extensions",
                out -> out.contains("component com.example.opsbench.faulty.FailingActivation FAILED_ACTIVATION"));
        assertTrue(faulty.contains("FAULTY"), faulty);
        assertTrue(faulty.contains("deliberately failing activation"), faulty);

        assertTrue(server.answer("monitoring:host set broken address=127.0.0.1 check=faulty-throws interval=1s"
                + " attempts=1").contains("created host set broken"));
        assertTrue(server.answer("monitoring:check set broken/hangs type=faulty-hangs interval=1s timeout=1s"
                + " attempts=1").contains("created check set broken/hangs"));
        server.answerUntil("monitoring:hosts", out -> out.contains("the check failed: java.lang.IllegalStateException: "
                + "deliberately broken check"));
        server.answerUntil("monitoring:checks broken", out -> out.contains("no result within the timeout of 1000 ms"));

        // while the hung run still holds its thread, the steady host's check keeps coming on its 1 s schedule
        int seen = connects.get();
        server.answerUntil("monitoring:hosts", out -> connects.get() >= seen + 3);
        assertTrue(server.answer("monitoring:hosts").matches("(?s).*steady\\s+127.0.0.1\\s+UP.*"));

        String removed = server.answer("opsbench:uninstall " + file.group(1));
        assertTrue(removed.contains("uninstalled " + file.group(1)), removed);
        server.answerUntil("opsbench:extensions", out -> out.contains("no extensions installed"));
        int after = connects.get();
        server.answerUntil("monitoring:hosts", out -> connects.get() >= after + 2);
        assertTrue(server.answer("opsbench:status").contains("Opsbench"));
    }

    @Test
    void installsFromAP2RepositoryAndReportsABadJarWithoutTouchingAnythingElse() throws Exception {
        Path repository = Path.of(System.getProperty("opsbench.examples", "../../examples"))
                .resolve("../releng/org.opsbench.repository/target/repository").toAbsolutePath().normalize();
        RunningServer server = product.start(dir, "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        server.loginAsAdmin();

        String missing = server.answer("opsbench:install " + dir.toUri() + " org.opsbench.core.source");
        assertTrue(missing.contains("error: source: ") && missing.contains("is not a p2 repository"), missing);
        String unknown = server.answer("opsbench:install " + repository.toUri() + " com.example.nothing");
        assertTrue(unknown.contains("error: bundle: no bundle com.example.nothing in the p2 repository"), unknown);

        // a source bundle of the SDK: a real bundle, taken from the repository's artifacts.jar and mapping rules
        String installed = server.answer("opsbench:install " + repository.toUri() + " org.opsbench.core.source");
        Matcher file = Pattern.compile("installed org.opsbench.core.source (\\S+) as (\\S+\\.jar): ACTIVE")
                .matcher(installed);
        assertTrue(file.find(), installed);
        assertTrue(Files.exists(server.workspace().resolve("extensions").resolve(file.group(2))));

        Path bad = server.workspace().resolve("extensions/broken.jar");
        Files.writeString(bad, "not a zip");
        String problem = server.answerUntil("opsbench:extensions",
                out -> out.contains("problem broken.jar: not installed"));
        assertTrue(problem.contains("ACTIVE      org.opsbench.core.source"), problem);
        server.awaitLog("Extension broken.jar not installed");
        assertTrue(server.answer("monitoring:hosts").contains("no hosts"));

        assertTrue(server.answer("opsbench:uninstall " + file.group(2)).contains("uninstalled " + file.group(2)));
        Files.delete(bad);
        server.answerUntil("opsbench:extensions", out -> out.contains("no extensions installed") && !out.contains(
                "problem"));
    }

    /** The jar the example build made ({@code examples/<name>/target/<name>-*.jar}). */
    private static Path example(String name) throws IOException {
        Path target = Path.of(System.getProperty("opsbench.examples", "../../examples")).resolve(name)
                .resolve("target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "-[0-9].*\\.jar"))
                    .findFirst().orElseGet(() -> fail("No example jar in " + target
                            + ": releng/org.opsbench.examples.build builds it (releng/scripts/build-examples.sh)"));
        }
    }

    /** A TLS listener on loopback with a self-signed certificate valid for {@code days} days, made by keytool. */
    private int tlsListener(int days) throws Exception {
        Path store = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "tls", "-keyalg", "EC", "-dname", "CN=tls-web.test", "-validity", Integer.toString(days))
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        serve(socket, s -> {
            if (s instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
        });
        return socket.getLocalPort();
    }

    /** A plain listener on loopback counting connections. */
    private int countingListener(AtomicInteger connects) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(socket, s -> connects.incrementAndGet());
        return socket.getLocalPort();
    }

    private interface Handler {
        void accept(Socket s) throws IOException;
    }

    private static void serve(ServerSocket socket, Handler handler) {
        Thread t = new Thread(() -> {
            try (socket) {
                while (true) {
                    try (Socket s = socket.accept()) {
                        handler.accept(s);
                    } catch (IOException e) {
                        if (socket.isClosed()) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // closed with the JVM
            }
        }, "extensions-test-listener");
        t.setDaemon(true);
        t.start();
    }
}
