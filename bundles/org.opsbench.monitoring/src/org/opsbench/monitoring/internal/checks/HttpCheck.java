package org.opsbench.monitoring.internal.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.support.TrustedCertificates;
import org.opsbench.monitoring.internal.support.Values;
import org.osgi.service.component.annotations.Component;

/**
 * An HTTP(S) request with {@link HttpClient} (HTTP/1.1): the status must be an expected one (CRITICAL otherwise), the
 * body may have to contain a pattern or not contain one (CRITICAL), and for https the server's certificate must be
 * trusted (the JDK's authorities, or exactly those of a PEM file) and match the host name, else the request is refused
 * (CRITICAL); its expiry in days is a metric with WARNING and CRITICAL limits. Connection failures and timeouts are
 * CRITICAL, bad parameters UNKNOWN. Metrics: {@code time} (ms, until the body is read), {@code size} (B, as read, at
 * most 1 MiB), {@code cert_days} (d, with fractions; negative once expired). Summaries name the URL without user info
 * or query; whole days left are counted down (9.9 days left is "expires in 9 days").
 */
@Component(service = CheckType.class, property = "checkType=http")
public final class HttpCheck implements ValidatingCheckType {

    private static final String USER_AGENT = "Opsbench-check_http/1.0";

    @Override
    public String id() {
        return "http";
    }

    @Override
    public String displayName() {
        return "HTTP(S)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.optional(HttpSettings.URL, "URL (or scheme, port and path on the host's address)",
                        Parameter.Type.STRING, null),
                Parameter.optional(HttpSettings.SCHEME, "Scheme: http or https", Parameter.Type.STRING, "http"),
                Parameter.optional(HttpSettings.PORT, "Port (80 for http, 443 for https)", Parameter.Type.INTEGER,
                        null),
                Parameter.optional(HttpSettings.PATH, "Path", Parameter.Type.STRING, "/"),
                Parameter.optional(HttpSettings.METHOD, "Method: GET or HEAD", Parameter.Type.STRING, "GET"),
                Parameter.optional(HttpSettings.EXPECT, "Expected statuses (200, 200-399, 2xx, ...)",
                        Parameter.Type.STRING, HttpSettings.DEFAULT_EXPECT),
                Parameter.optional(HttpSettings.BODY_MATCHES, "Body must contain (regular expression)",
                        Parameter.Type.STRING, null),
                Parameter.optional(HttpSettings.BODY_MUST_NOT_MATCH, "Body must not contain (regular expression)",
                        Parameter.Type.STRING, null),
                Parameter.optional(HttpSettings.FOLLOW_REDIRECTS, "Follow redirects", Parameter.Type.BOOLEAN,
                        "false"),
                Parameter.optional(HttpSettings.TRUST_CERTIFICATES, "Trusted certificates (PEM file)",
                        Parameter.Type.STRING, null),
                Parameter.optional(HttpSettings.CERTIFICATE_WARNING_DAYS, "Certificate warning (days left)",
                        Parameter.Type.INTEGER, Integer.toString(HttpSettings.DEFAULT_WARNING_DAYS)),
                Parameter.optional(HttpSettings.CERTIFICATE_CRITICAL_DAYS, "Certificate critical (days left)",
                        Parameter.Type.INTEGER, Integer.toString(HttpSettings.DEFAULT_CRITICAL_DAYS)));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        HttpSettings.of(parameters, "localhost");
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        HttpSettings settings;
        try {
            settings = HttpSettings.of(context.parameters(), context.address() == null ? "" : context.address());
        } catch (ParameterException e) {
            return CheckResult.of(Health.UNKNOWN, "HTTP UNKNOWN - " + e.getMessage());
        }
        Duration timeout = context.timeout();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(settings.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (settings.url().getScheme().equalsIgnoreCase("https")) {
            try {
                SSLContext tls = TrustedCertificates.context(settings.trustCertificates());
                builder.sslContext(tls);
            } catch (IOException e) {
                return CheckResult.of(Health.UNKNOWN, "HTTP UNKNOWN - parameter '" + HttpSettings.TRUST_CERTIFICATES
                        + "': " + e.getMessage());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(timeout)
                .method(settings.method(), HttpRequest.BodyPublishers.noBody()).header("User-Agent", USER_AGENT)
                .build();
        HttpClient client = builder.build();
        CompletableFuture<HttpResponse<HttpBody>> answer = null;
        try {
            answer = client.sendAsync(request, HttpBody.handler());
            HttpResponse<HttpBody> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            return verdict(settings, response, millis, deadline);
        } catch (TimeoutException e) {
            return critical("no complete answer within " + TcpCheck.seconds(timeout.toMillis()) + " s from "
                    + HttpSettings.shown(settings.url()));
        } catch (ExecutionException e) {
            return critical(failure(e.getCause(), settings.url(), timeout));
        } finally {
            if (answer != null) {
                answer.cancel(true);
            }
            // also ends a request still running (timeout, interrupt) and the client's selector thread
            client.shutdownNow();
        }
    }

    private static CheckResult verdict(HttpSettings settings, HttpResponse<HttpBody> response, double millis,
            long deadline) {
        int status = response.statusCode();
        HttpBody body = response.body();
        List<Metric> metrics = new ArrayList<>(List.of(new Metric("time", millis, "ms"),
                new Metric("size", body.bytes().length, "B")));
        List<String> problems = new ArrayList<>();
        Health health = Health.OK;
        if (!settings.expect().contains(status)) {
            health = Health.CRITICAL;
        }
        String bodyProblem = bodyProblem(settings, response, deadline);
        if (bodyProblem != null) {
            problems.add(bodyProblem);
            health = Health.CRITICAL;
        }
        String certificate = "";
        Optional<X509Certificate> peer = peerCertificate(response);
        if (peer.isPresent()) {
            long left = peer.get().getNotAfter().getTime() - System.currentTimeMillis();
            long day = Duration.ofDays(1).toMillis();
            metrics.add(new Metric("cert_days", left / (double) day, "d"));
            long days = left / day;
            String expires;
            if (left < 0) {
                long ago = -left / day;
                expires = "the certificate expired "
                        + (ago == 0 ? "today" : ago + (ago == 1 ? " day ago" : " days ago"));
            } else {
                expires = "the certificate expires in " + days + (days == 1 ? " day" : " days");
            }
            if (left < 0 || days < settings.certificateCriticalDays()) {
                problems.add(expires + " (critical below " + settings.certificateCriticalDays() + ")");
                health = Health.CRITICAL;
            } else if (days < settings.certificateWarningDays()) {
                problems.add(expires + " (warning below " + settings.certificateWarningDays() + ")");
                health = health == Health.OK ? Health.WARNING : health;
            } else {
                certificate = ", certificate valid for " + days + " days";
            }
        }
        StringBuilder summary = new StringBuilder("HTTP ").append(health).append(" - ").append(status);
        if (!settings.expect().contains(status)) {
            summary.append(" (expected ").append(settings.expect()).append(')');
        }
        summary.append(String.format(java.util.Locale.ROOT, " in %.0f ms, %d bytes%s from %s", millis,
                body.bytes().length, body.truncated() ? " (first 1 MiB)" : "", HttpSettings.shown(response.uri())));
        int redirects = 0;
        for (Optional<HttpResponse<HttpBody>> p = response.previousResponse(); p.isPresent(); p = p.get()
                .previousResponse()) {
            redirects++;
        }
        if (redirects > 0) {
            summary.append(" after ").append(redirects).append(redirects == 1 ? " redirect" : " redirects");
        }
        if (status >= 300 && status < 400) {
            response.headers().firstValue("Location").ifPresent(location -> summary.append(", Location: ")
                    .append(Values.printable(HttpSettings.shown(response.uri().resolve(safe(location))))));
        }
        summary.append(certificate);
        if (!problems.isEmpty()) {
            summary.append(": ").append(String.join("; ", problems));
        }
        return new CheckResult(health, summary.toString(), metrics);
    }

    /** What is wrong with the body, or {@code null}. */
    private static String bodyProblem(HttpSettings settings, HttpResponse<HttpBody> response, long deadline) {
        if (settings.mustMatch() == null && settings.mustNotMatch() == null) {
            return null;
        }
        String text = response.body().text(response.headers().firstValue("Content-Type").orElse(null));
        try {
            if (settings.mustMatch() != null
                    && !settings.mustMatch().matcher(new HttpBody.Bounded(text, deadline)).find()) {
                return "pattern '" + Values.printable(settings.mustMatch().pattern()) + "' not found";
            }
            if (settings.mustNotMatch() != null
                    && settings.mustNotMatch().matcher(new HttpBody.Bounded(text, deadline)).find()) {
                return "pattern '" + Values.printable(settings.mustNotMatch().pattern())
                        + "' found, and must not be";
            }
        } catch (HttpBody.Bounded.Expired e) {
            return "the body pattern did not finish within the timeout";
        }
        return null;
    }

    private static Optional<X509Certificate> peerCertificate(HttpResponse<?> response) {
        try {
            return response.sslSession().map(s -> {
                try {
                    return s.getPeerCertificates()[0];
                } catch (SSLPeerUnverifiedException e) {
                    return null;
                }
            }).filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why the request failed, in a line: refused, timed out, unresolvable, TLS. */
    static String failure(Throwable error, URI url, Duration timeout) {
        String where = url.getHost() + ":" + (url.getPort() > 0
                ? url.getPort()
                : url.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        if (error instanceof HttpConnectTimeoutException) {
            return "timed out after " + TcpCheck.seconds(timeout.toMillis()) + " s connecting to " + where;
        }
        if (error instanceof HttpTimeoutException) {
            return "no answer within " + TcpCheck.seconds(timeout.toMillis()) + " s from " + HttpSettings.shown(url);
        }
        if (has(error, UnresolvedAddressException.class)) {
            return "cannot resolve host name " + url.getHost();
        }
        if (error instanceof SSLException || has(error, SSLException.class)) {
            return "TLS with " + where + " failed: " + tlsReason(error);
        }
        // java.net.http reports a reset connect as a ConnectException without a message (other causes have one)
        if (error instanceof ConnectException
                && (error.getMessage() == null || error.getMessage().contains("refused"))) {
            return "connection refused by " + where;
        }
        if (error instanceof ConnectException) {
            return "cannot connect to " + where + ": " + Values.printable(error.getMessage());
        }
        return "cannot get " + HttpSettings.shown(url) + ": " + Values.printable(message(error));
    }

    private static String tlsReason(Throwable error) {
        if (has(error, CertificateExpiredException.class)) {
            return "the certificate has expired";
        }
        if (has(error, CertificateNotYetValidException.class)) {
            return "the certificate is not valid yet";
        }
        if (has(error, CertPathBuilderException.class)) {
            return "the certificate is not trusted (no path to a trusted authority; for a private CA give "
                    + HttpSettings.TRUST_CERTIFICATES + ")";
        }
        String root = message(root(error));
        if (root.contains("No subject alternative") || root.contains("No name matching")) {
            return "the certificate does not match the host name (" + Values.printable(root) + ")";
        }
        return Values.printable(root);
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A Location value the URI parser takes; anything else is shown as a bare path. */
    private static URI safe(String location) {
        try {
            return URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    private static CheckResult critical(String why) {
        return CheckResult.of(Health.CRITICAL, "HTTP CRITICAL - " + why);
    }
}
