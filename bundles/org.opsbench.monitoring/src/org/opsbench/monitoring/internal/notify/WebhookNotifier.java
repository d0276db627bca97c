package org.opsbench.monitoring.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.checks.ParameterException;
import org.opsbench.monitoring.internal.support.Values;
import org.opsbench.monitoring.internal.support.VaultSecrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * POSTs each notification as JSON ({@link NotificationJson}) to a URL. Optionally with a bearer token and an
 * HMAC-SHA256 signature of the body ({@code sha256=<hex>}, as GitHub's {@code X-Hub-Signature-256}), both keys read
 * from the vault by alias. Connection failures, timeouts, 5xx and 429 are retried with exponential backoff (a
 * {@code Retry-After} of a 429 or 503 is honoured up to {@value #MAX_RETRY_AFTER_SECONDS} s); other answers are final.
 * Redirects are not followed, so a token never goes to another host.
 */
@Component(service = Notifier.class, property = "notifier=webhook")
public final class WebhookNotifier implements ValidatingNotifier {

    /** The longest {@code Retry-After} waited for; a longer one is cut to this. */
    public static final int MAX_RETRY_AFTER_SECONDS = 60;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int MAX_ANSWER_CHARS = 200;

    private final VaultSecrets secrets;
    private final HttpClient client;

    @Activate
    public WebhookNotifier(@Reference VaultSecrets secrets) {
        this.secrets = secrets;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(WebhookRequest.DEFAULT_TIMEOUT).build();
    }

    @Deactivate
    void deactivate() {
        client.shutdownNow();
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String displayName() {
        return "Webhook (HTTP POST, JSON)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(WebhookRequest.URL, "URL (http or https)", Parameter.Type.STRING),
                Parameter.optional(WebhookRequest.HEADERS, "Extra headers, one 'Name: value' a line",
                        Parameter.Type.STRING, null),
                Parameter.optional(WebhookRequest.TOKEN_ALIAS, "Bearer token (vault alias)",
                        Parameter.Type.SECRET_ALIAS, null),
                Parameter.optional(WebhookRequest.SIGNING_KEY_ALIAS, "HMAC-SHA256 signing key (vault alias)",
                        Parameter.Type.SECRET_ALIAS, null),
                Parameter.optional(WebhookRequest.SIGNATURE_HEADER, "Signature header", Parameter.Type.STRING,
                        WebhookRequest.DEFAULT_SIGNATURE_HEADER),
                Parameter.optional(WebhookRequest.TIMEOUT, "Timeout", Parameter.Type.DURATION,
                        WebhookRequest.DEFAULT_TIMEOUT.toString()),
                Parameter.optional(WebhookRequest.RETRIES, "Retries", Parameter.Type.INTEGER,
                        Integer.toString(WebhookRequest.DEFAULT_RETRIES)),
                Parameter.optional(WebhookRequest.BACKOFF_MILLIS, "First retry after (ms), doubled each time",
                        Parameter.Type.INTEGER, Integer.toString(WebhookRequest.DEFAULT_BACKOFF_MILLIS)));
    }

    @Override
    public void validate(Map<String, String> settings) throws ParameterException {
        WebhookRequest.read(ParameterException.reader(settings));
    }

    @Override
    public void send(Notification notification, Map<String, String> settings) throws DeliveryException {
        WebhookRequest request = WebhookRequest.of(settings);
        byte[] body = NotificationJson.of(notification).getBytes(StandardCharsets.UTF_8);
        HttpRequest http = build(request, body);
        String where = "webhook POST to " + request.origin();
        String last = null;
        for (int attempt = 0;; attempt++) {
            Duration wait;
            try {
                HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                String answer = answer(response, http);
                if (status >= 200 && status < 300) {
                    return;
                }
                last = "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
                if (status != 429 && status < 500) {
                    throw new DeliveryException(where + " was answered with " + last + " (not retried)", null);
                }
                wait = retryAfter(response).orElse(backoff(request, attempt));
            } catch (HttpTimeoutException e) {
                last = "no answer within " + request.timeout().toMillis() + " ms";
                wait = backoff(request, attempt);
            } catch (IOException e) {
                last = "connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + Values.printable(e.getMessage())) + ")";
                wait = backoff(request, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(where + " was interrupted", e);
            }
            if (attempt >= request.retries()) {
                throw new DeliveryException(
                        where + " failed after " + (attempt + 1) + (attempt == 0 ? " attempt: " : " attempts: ") + last,
                        null);
            }
            sleep(wait, where);
        }
    }

    private HttpRequest build(WebhookRequest request, byte[] body) throws DeliveryException {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url()).timeout(request.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Opsbench-Webhook/1.0").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : request.headers()) {
            http.header(header.getKey(), header.getValue());
        }
        if (request.tokenAlias() != null) {
            byte[] token = Settings.secret(secrets, id(), WebhookRequest.TOKEN_ALIAS, request.tokenAlias());
            try {
                String value = new String(token, StandardCharsets.UTF_8).strip();
                if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                    throw new DeliveryException("webhook notifier: secret '" + request.tokenAlias() + "' (setting '"
                            + WebhookRequest.TOKEN_ALIAS + "') is not a token (printable ASCII, no spaces)", null);
                }
                http.header("Authorization", "Bearer " + value);
            } finally {
                Arrays.fill(token, (byte) 0);
            }
        }
        if (request.signingKeyAlias() != null) {
            http.header(request.signatureHeader(), "sha256=" + HexFormat.of()
                    .formatHex(hmac(
                            Settings.secret(secrets, id(), WebhookRequest.SIGNING_KEY_ALIAS, request.signingKeyAlias()),
                            body)));
        }
        return http.build();
    }

    /** HMAC-SHA256 of {@code body}; wipes {@code key}. */
    static byte[] hmac(byte[] key, byte[] body) throws DeliveryException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DeliveryException("webhook notifier: cannot sign with HMAC-SHA256: " + e.getClass().getName(),
                    null);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The first characters of the answer's body, on one line (the body of a refusal often says why), without the bearer
     * token should the receiver echo the request.
     */
    private static String answer(HttpResponse<InputStream> response, HttpRequest http) {
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(MAX_ANSWER_CHARS * 4);
            String text = new String(head, StandardCharsets.UTF_8).strip();
            Optional<String> token = http.headers().firstValue("Authorization")
                    .map(v -> v.substring("Bearer ".length()));
            if (token.isPresent()) {
                text = text.replace(token.get(), "****");
            }
            return Values.printable(text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text);
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most {@value #MAX_RETRY_AFTER_SECONDS} s. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            Duration wait;
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                wait = value.length() > 9 ? Duration.ofDays(1) : Duration.ofSeconds(Long.parseLong(value));
            } else {
                try {
                    wait = Duration.between(Instant.now(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
            Duration max = Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(max) > 0 ? max : wait);
        });
    }

    /** {@code backoff * 2^attempt}, at most five minutes. */
    static Duration backoff(WebhookRequest request, int attempt) {
        Duration wait = request.backoff().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void sleep(Duration wait, String where) throws DeliveryException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(where + " was interrupted while waiting to retry", e);
        }
    }
}
