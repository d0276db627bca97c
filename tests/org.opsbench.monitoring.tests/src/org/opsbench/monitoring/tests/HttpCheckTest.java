package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The {@code http} check service against real HTTP and HTTPS servers on loopback ({@code com.sun.net.httpserver}), with
 * certificates made by {@code keytool} that expire in a given number of days.
 */
class HttpCheckTest {

    private static final CiRef HOST = new CiRef("h1", "host", "web");
    private static final String READY = "service ready: all 3 backends up";
    private static final String SAN = "dns:localhost,dns:mon-01.test,ip:127.0.0.1";

    @TempDir
    static Path folder;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();
    private static HttpServer http;
    private static Map<String, HttpsServer> https = new HashMap<>();
    private static Map<String, Path> pems = new HashMap<>();

    @BeforeAll
    static void startServers() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.createContext("/ok", exchange -> answer(exchange, 200, READY));
        http.createContext("/fail", exchange -> answer(exchange, 503, "down for maintenance"));
        http.createContext("/old", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok?session=s3cret-session");
            answer(exchange, 301, "");
        });
        http.createContext("/slow", exchange -> {
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        http.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(2 * 1024 * 1024) + "needle"));
        http.setExecutor(THREADS);
        http.start();
        // keytool's validity counts from now: the certificate ends N days from now, a few seconds less when checked
        serve("valid100", TestCertificates.selfSigned(folder, "valid100", SAN, null, 100));
        serve("valid10", TestCertificates.selfSigned(folder, "valid10", SAN, null, 10));
        serve("expired", TestCertificates.selfSigned(folder, "expired", SAN, "-3d", 1));
        serve("ca-valid", TestCertificates.issuedByCa(folder, "ca-valid", SAN, null, 20));
        serve("ca-expired", TestCertificates.issuedByCa(folder, "ca-expired", SAN, "-3d", 1));
    }

    /** An HTTPS server presenting {@code issued}, answering 200 to everything. */
    private static void serve(String name, TestCertificates.Issued issued) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(issued.server()));
        server.createContext("/", exchange -> answer(exchange, 200, "secure " + name));
        server.setExecutor(THREADS);
        server.start();
        https.put(name, server);
        pems.put(name, issued.pem());
    }

    @AfterAll
    static void stopServers() {
        RELEASE.countDown();
        http.stop(0);
        https.values().forEach(s -> s.stop(0));
        THREADS.shutdownNow();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static int httpsPort(String name) {
        return https.get(name).getAddress().getPort();
    }

    private static CheckResult run(String address, Duration timeout, String... keyValues) throws Exception {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        CheckType type = Osgi.service(CheckType.class, "(checkType=http)");
        return type.run(new CheckContext(HOST, address, parameters, timeout));
    }

    private static CheckResult get(String... keyValues) throws Exception {
        return run("127.0.0.1", Duration.ofSeconds(10), keyValues);
    }

    private static double metric(CheckResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst().map(Metric::value)
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.metrics()));
    }

    @Test
    void okStatusGivesTimeAndSizeMetrics() throws Exception {
        CheckResult result = get("url", base() + "/ok");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().matches("HTTP OK - 200 in \\d+ ms, 32 bytes from " + base() + "/ok"),
                result.summary());
        assertEquals(List.of("time", "size"), result.metrics().stream().map(Metric::name).toList());
        assertEquals("ms", result.metrics().get(0).unit());
        assertEquals(new Metric("size", 32, "B"), result.metrics().get(1));
    }

    @Test
    void withoutAUrlTheHostAddressPortAndPathAreAsked() throws Exception {
        CheckResult result = run("mon-01.test", Duration.ofSeconds(10), "port",
                Integer.toString(http.getAddress().getPort()), "path", "/ok");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().endsWith(" from http://mon-01.test:" + http.getAddress().getPort() + "/ok"),
                result.summary());
    }

    @Test
    void statusOutsideTheExpectedOnesIsCritical() throws Exception {
        CheckResult byDefault = get("url", base() + "/fail");
        CheckResult expected = get("url", base() + "/fail", "expect", "5xx, 200");
        CheckResult redirectNotExpected = get("url", base() + "/old", "expect", "200-299");

        assertEquals(Health.CRITICAL, byDefault.health());
        assertTrue(byDefault.summary().startsWith("HTTP CRITICAL - 503 (expected 200-399) in "), byDefault.summary());
        assertEquals(Health.OK, expected.health(), expected.summary());
        assertEquals(Health.CRITICAL, redirectNotExpected.health());
        assertTrue(redirectNotExpected.summary().startsWith("HTTP CRITICAL - 301 (expected 200-299)"),
                redirectNotExpected.summary());
    }

    @Test
    void bodyMustMatchAndMustNotMatch() throws Exception {
        CheckResult found = get("url", base() + "/ok", "bodyMatches", "all \\d+ backends up");
        CheckResult missing = get("url", base() + "/ok", "bodyMatches", "degraded");
        CheckResult forbidden = get("url", base() + "/ok", "bodyMustNotMatch", "(?i)BACKENDS UP");

        assertEquals(Health.OK, found.health(), found.summary());
        assertEquals(Health.CRITICAL, missing.health());
        assertTrue(missing.summary().endsWith("/ok: pattern 'degraded' not found"), missing.summary());
        assertEquals(Health.CRITICAL, forbidden.health());
        assertTrue(forbidden.summary().endsWith(": pattern '(?i)BACKENDS UP' found, and must not be"),
                forbidden.summary());
    }

    @Test
    void onlyTheFirstMebibyteOfABodyIsRead() throws Exception {
        CheckResult result = get("url", base() + "/big", "bodyMatches", "needle");

        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().contains("1048576 bytes (first 1 MiB) from " + base() + "/big"),
                result.summary());
        assertEquals(1024 * 1024, metric(result, "size"));
    }

    @Test
    void redirectsAreShownOrFollowedWithoutTheirQuery() throws Exception {
        CheckResult shown = get("url", base() + "/old");
        CheckResult followed = get("url", base() + "/old", "followRedirects", "true", "bodyMatches", "ready");

        assertEquals(Health.OK, shown.health(), shown.summary());
        assertTrue(shown.summary().startsWith("HTTP OK - 301 in "), shown.summary());
        assertTrue(shown.summary().endsWith("from " + base() + "/old, Location: " + base() + "/ok"), shown.summary());
        assertEquals(Health.OK, followed.health(), followed.summary());
        assertTrue(followed.summary().endsWith("32 bytes from " + base() + "/ok after 1 redirect"),
                followed.summary());
        for (CheckResult r : List.of(shown, followed)) {
            assertFalse(r.summary().contains("s3cret"), r.summary());
        }
    }

    @Test
    void headAsksForNoBody() throws Exception {
        CheckResult result = get("url", base() + "/ok", "method", "head");

        assertEquals(Health.OK, result.health(), result.summary());
        assertEquals(0, metric(result, "size"));
    }

    @Test
    void noCredentialOrQueryOfTheUrlReachesTheSummary() throws Exception {
        CheckResult query = get("url", base() + "/ok?token=s3cret-token");
        CheckResult credentials = get("url", "http://monitor:s3cret-password@127.0.0.1:"
                + http.getAddress().getPort() + "/ok");

        assertEquals(Health.OK, query.health(), query.summary());
        assertFalse(query.summary().contains("s3cret"), query.summary());
        assertEquals(Health.UNKNOWN, credentials.health());
        assertEquals("HTTP UNKNOWN - parameter 'url' must not carry credentials", credentials.summary());
    }

    @Test
    void anAnswerThatDoesNotComeInTimeIsCritical() throws Exception {
        CheckResult result = run("127.0.0.1", Duration.ofSeconds(1), "url", base() + "/slow");

        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().startsWith("HTTP CRITICAL - no "), result.summary());
        assertTrue(result.summary().contains("within 1 s from " + base() + "/slow"), result.summary());
    }

    @Test
    void aClosedPortIsCriticalConnectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CheckResult result = get("url", "http://127.0.0.1:" + closed + "/");

        assertEquals(Health.CRITICAL, result.health());
        assertEquals("HTTP CRITICAL - connection refused by 127.0.0.1:" + closed, result.summary());
    }

    @Test
    void httpsWithATrustedCertificateReportsItsDaysLeft() throws Exception {
        CheckResult result = get("url", "https://127.0.0.1:" + httpsPort("valid100") + "/", "trustCertificates",
                pems.get("valid100").toString(), "bodyMatches", "secure");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(
                result.summary().matches(".* from https://127\\.0\\.0\\.1:\\d+/, certificate valid for (99|100) days"),
                result.summary());
        double days = metric(result, "cert_days");
        assertTrue(days > 99 && days <= 100, "days left: " + days);
        assertEquals("d", result.metrics().get(2).unit());
    }

    @Test
    void certificateExpiryBelowTheLimitsIsWarningThenCritical() throws Exception {
        CheckResult ten = get("scheme", "https", "port", Integer.toString(httpsPort("valid10")), "trustCertificates",
                pems.get("valid10").toString(), "certificateWarningDays", "30", "certificateCriticalDays", "7");
        CheckResult critical = get("url", "https://localhost:" + httpsPort("valid10") + "/", "trustCertificates",
                pems.get("valid10").toString());

        assertEquals(Health.WARNING, ten.health(), ten.summary());
        assertTrue(ten.summary().matches(".*: the certificate expires in (9|10) days \\(warning below 30\\)"),
                ten.summary());
        assertEquals(Health.CRITICAL, critical.health(), critical.summary());
        assertTrue(critical.summary().matches(".*: the certificate expires in (9|10) days \\(critical below 14\\)"),
                critical.summary());
    }

    @Test
    void anExpiredCertificateIsCritical() throws Exception {
        CheckResult result = get("url", "https://127.0.0.1:" + httpsPort("expired") + "/", "trustCertificates",
                pems.get("expired").toString());

        // JSSE does not check the validity of a trust anchor itself: the handshake passes, the check does not
        assertEquals(Health.CRITICAL, result.health(), result.summary());
        assertTrue(result.summary().endsWith(": the certificate expired 2 days ago (critical below 14)"),
                result.summary());
        double days = metric(result, "cert_days");
        assertTrue(days > -3 && days <= -2, "days left: " + days);
    }

    @Test
    void aPrivateCaIsTrustedThroughItsCertificateAndAnExpiredServerCertificateIsRefused() throws Exception {
        CheckResult valid = get("url", "https://localhost:" + httpsPort("ca-valid") + "/", "trustCertificates",
                pems.get("ca-valid").toString(), "certificateCriticalDays", "3", "certificateWarningDays", "10");
        int expiredPort = httpsPort("ca-expired");
        CheckResult expired = get("url", "https://localhost:" + expiredPort + "/", "trustCertificates",
                pems.get("ca-expired").toString());

        assertEquals(Health.OK, valid.health(), valid.summary());
        assertTrue(valid.summary().matches(".*, certificate valid for (19|20) days"), valid.summary());
        assertEquals(Health.CRITICAL, expired.health());
        assertEquals("HTTP CRITICAL - TLS with localhost:" + expiredPort + " failed: the certificate has expired",
                expired.summary());
    }

    @Test
    void aCertificateNoAuthorityVouchesForIsRefused() throws Exception {
        int port = httpsPort("valid100");
        CheckResult result = get("url", "https://127.0.0.1:" + port + "/");

        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().startsWith("HTTP CRITICAL - TLS with 127.0.0.1:" + port
                + " failed: the certificate is not trusted"), result.summary());
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        int port = httpsPort("valid100");
        // mon-02.test resolves to 127.0.0.1 (test hosts file) but is not among the certificate's names
        CheckResult result = run("mon-02.test", Duration.ofSeconds(10), "scheme", "https", "port",
                Integer.toString(port), "trustCertificates", pems.get("valid100").toString());

        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().startsWith("HTTP CRITICAL - TLS with mon-02.test:" + port
                + " failed: the certificate does not match the host name"), result.summary());
    }

    @Test
    void anUnreadableTrustFileIsUnknown() throws Exception {
        CheckResult result = get("url", "https://127.0.0.1:" + httpsPort("valid100") + "/", "trustCertificates",
                folder.resolve("missing.pem").toString());

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().startsWith("HTTP UNKNOWN - parameter 'trustCertificates': cannot read"
                + " certificates from " + folder.resolve("missing.pem")), result.summary());
    }
}
