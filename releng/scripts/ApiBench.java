import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the REST API of the built server product: starts {@code bin/opsbench-server} on a free loopback port
 * with a fresh workspace (embedded Derby), logs in as the initial admin, opens N tickets through the API (default 200),
 * issues an API token, then loads {@code GET /api/v1/tickets?limit=50} (a 50-row page through the token check, the
 * incidents service with its permission check, JPA/Derby and Jackson) with wrk from a second process, and
 * {@code GET /health/live} (anonymous, no database: the HTTP stack, filter and plain servlet alone; no Jersey) as the baseline in the same run.
 * Prints requests/s and p99 latency of each beside the goal. Arguments: product folder, wrk binary, work folder.
 * System properties: tickets, seconds (per wrk run), connections, threads.
 */
public final class ApiBench {

    private static final double GOAL_RPS = 200;
    private static final double GOAL_P99_MS = 250;

    public static void main(String[] args) throws Exception {
        Path product = Path.of(args[0]);
        String wrk = args[1];
        Path work = Path.of(args[2]);
        int tickets = Integer.getInteger("tickets", 200);
        int seconds = Integer.getInteger("seconds", 15);
        int connections = Integer.getInteger("connections", 16);
        int threads = Integer.getInteger("threads", 2);
        int port = freePort();
        Path workspace = work.resolve("workspace");
        Files.createDirectories(workspace.resolve("etc"));
        Files.writeString(workspace.resolve("etc/org.opsbench.rest.cfg"), "port=" + port + "\n");
        ProcessBuilder pb = new ProcessBuilder(product.resolve("bin/opsbench-server").toString(), "--workspace",
                workspace.toString()).redirectErrorStream(true).redirectOutput(work.resolve("server.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long started = System.nanoTime();
            awaitReady(http, base, server);
            System.out.printf(Locale.ROOT, "server product ready on 127.0.0.1:%d after %.1f s (embedded Derby)%n", port,
                    (System.nanoTime() - started) / 1e9);
            String password = Files.readString(workspace.resolve("security/initial-admin-password")).strip();
            String session = field(send(http, "POST", base + "/api/v1/session", null,
                    "{\"login\":\"admin\",\"password\":\"" + password + "\"}", 201), "token");
            for (int i = 0; i < tickets; i++) {
                send(http, "POST", base + "/api/v1/tickets", session, "{\"title\":\"bench ticket " + i
                        + "\",\"description\":\"opened by ApiBench\",\"impact\":" + (1 + i % 3) + ",\"urgency\":"
                        + (1 + (i / 3) % 3) + "}", 201);
            }
            String token = field(send(http, "POST", base + "/api/v1/tokens", session,
                    "{\"label\":\"bench\",\"days\":1}", 201), "secret");
            String list = base + "/api/v1/tickets?limit=50";
            String page = send(http, "GET", list, token, null, 200);
            int rows = page.split("\"reference\"", -1).length - 1;
            System.out.printf(Locale.ROOT, "%d tickets opened through the API; %s answers %d rows, %d bytes%n",
                    tickets, "/api/v1/tickets?limit=50", rows, page.getBytes(StandardCharsets.UTF_8).length);
            if (rows != 50) {
                throw new IllegalStateException("expected 50 rows, got " + rows + ": " + page);
            }
            // warm-up (JIT, connection pool, caches), then the measured runs
            wrk(wrk, threads, connections, 3, list, token);
            wrk(wrk, threads, connections, 3, base + "/health/live", null);
            double[] live = wrk(wrk, threads, connections, seconds, base + "/health/live", null);
            double[] tickets50 = wrk(wrk, threads, connections, seconds, list, token);
            System.out.println();
            System.out.printf(Locale.ROOT, "wrk -t%d -c%d -d%ds on loopback, server product JVM as shipped "
                    + "(-Xmx512m, SerialGC, C1 only), %d cores shared with wrk%n", threads, connections, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-44s %10s %12s%n", "", "requests/s", "p99 latency");
            System.out.printf(Locale.ROOT, "%-44s %10.0f %9.1f ms   goal >= %.0f req/s, p99 <= %.0f ms%n",
                    "GET /api/v1/tickets?limit=50 (bearer token)", tickets50[0], tickets50[1], GOAL_RPS, GOAL_P99_MS);
            System.out.printf(Locale.ROOT, "%-44s %10.0f %9.1f ms   baseline: HTTP stack, no Jersey, no DB%n",
                    "GET /health/live (anonymous)", live[0], live[1]);
            System.out.printf(Locale.ROOT, "list page costs %.1fx the baseline's time per request%n",
                    live[0] / tickets50[0]);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Runs wrk; answers {requests/s, p99 in ms}. */
    private static double[] wrk(String wrk, int threads, int connections, int seconds, String url, String token)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p99 = Pattern.compile("(?m)^\\s+99%\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(out);
        if (!rps.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's answer: " + out);
        }
        if (out.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("error answers under load: " + out);
        }
        double latency = Double.parseDouble(p99.group(1));
        latency = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new double[]{Double.parseDouble(rps.group(1)), latency};
    }

    private static void awaitReady(HttpClient http, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server's REST API was not ready within 120 s");
    }

    private static String send(HttpClient http, String method, String url, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
