package org.opsbench.monitoring.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server). Each request takes the next scripted answer (a status, with
 * headers and a body, or a dropped connection); when the script is used up it answers 204. Every request is recorded
 * with its headers and body bytes.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers, String body, boolean echoAuthorization) {

        static Answer status(int status) {
            return new Answer(status, Map.of(), "", false);
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body, false);
        }

        static Answer withHeader(int status, String name, String value) {
            return new Answer(status, Map.of(name, value), "", false);
        }

        /** Answers {@code status} with the request's Authorization header in the body, as an echo service would. */
        static Answer echoingAuthorization(int status) {
            return new Answer(status, Map.of(), "", true);
        }

        /** Closes the connection without an answer. */
        static Answer drop() {
            return new Answer(-1, Map.of(), "", false);
        }
    }

    /** A request as it arrived. */
    record Request(String method, String path, Headers headers, byte[] body, long nanoTime) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    WebhookReceiver(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, System.nanoTime()));
        Answer answer = script.poll();
        if (answer == null) {
            answer = Answer.status(204);
        }
        if (answer.status() < 0) {
            // no response headers sent: closing the exchange closes the connection
            exchange.close();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        String text = answer.echoAuthorization()
                ? "you sent Authorization: " + exchange.getRequestHeaders().getFirst("Authorization")
                : answer.body();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
