package org.opsbench.monitoring.internal.notify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opsbench.core.spi.Notifier.DeliveryException;
import org.opsbench.monitoring.internal.support.Values;

/**
 * The validated settings of one webhook channel.
 *
 * @param url
 *            where to POST, http or https
 * @param headers
 *            extra request headers, name and value
 * @param tokenAlias
 *            vault alias of the bearer token, or {@code null}
 * @param signingKeyAlias
 *            vault alias of the HMAC-SHA256 key, or {@code null}
 * @param signatureHeader
 *            the header that carries {@code sha256=<hex>}
 * @param timeout
 *            for connecting and for each answer
 * @param retries
 *            further attempts after the first
 * @param backoff
 *            the wait before the first retry, doubled for each further one
 */
record WebhookRequest(URI url, List<Map.Entry<String, String>> headers, String tokenAlias, String signingKeyAlias,
        String signatureHeader, Duration timeout, int retries, Duration backoff) {

    static final String URL = "url";
    static final String HEADERS = "headers";
    static final String TOKEN_ALIAS = "tokenAlias";
    static final String SIGNING_KEY_ALIAS = "signingKeyAlias";
    static final String SIGNATURE_HEADER = "signatureHeader";
    static final String TIMEOUT = "timeout";
    static final String RETRIES = "retries";
    static final String BACKOFF_MILLIS = "backoffMillis";

    static final String DEFAULT_SIGNATURE_HEADER = "X-Opsbench-Signature-256";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_RETRIES = 3;
    static final int DEFAULT_BACKOFF_MILLIS = 1000;

    // set by the notifier itself, or refused by java.net.http
    private static final Set<String> RESERVED = Set.of("authorization", "content-type", "content-length", "host",
            "connection", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive");

    /** Reads and checks the settings; the message of a refusal names the setting. */
    static WebhookRequest of(Map<String, String> settings) throws DeliveryException {
        return read(Settings.of("webhook", settings));
    }

    /** Reads and checks the settings through {@code s}, whose refusals name the setting. */
    static <E extends Exception> WebhookRequest read(Values<E> s) throws E {
        URI url = url(s);
        String signatureHeader = s.optional(SIGNATURE_HEADER);
        if (signatureHeader == null) {
            signatureHeader = DEFAULT_SIGNATURE_HEADER;
        } else if (!isToken(signatureHeader) || RESERVED.contains(signatureHeader.toLowerCase(Locale.ROOT))) {
            throw s.invalid(SIGNATURE_HEADER, "must be a header name such as " + DEFAULT_SIGNATURE_HEADER);
        }
        return new WebhookRequest(url, headers(s, signatureHeader), s.optional(TOKEN_ALIAS),
                s.optional(SIGNING_KEY_ALIAS), signatureHeader,
                s.duration(TIMEOUT, DEFAULT_TIMEOUT, Duration.ofMinutes(5)), s.integer(RETRIES, DEFAULT_RETRIES, 0, 10),
                Duration.ofMillis(s.integer(BACKOFF_MILLIS, DEFAULT_BACKOFF_MILLIS, 0, 600_000)));
    }

    /** Scheme, host and port only: the path or query of a webhook URL may itself be a secret (chat webhooks). */
    String origin() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static <E extends Exception> URI url(Values<E> s) throws E {
        return s.httpUrl(URL, s.required(URL), ": store a token in the vault and name it in '" + TOKEN_ALIAS + "'");
    }

    /** One header a line, {@code Name: value}. */
    private static <E extends Exception> List<Map.Entry<String, String>> headers(Values<E> s,
            String signatureHeader) throws E {
        String text = s.optional(HEADERS);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (text == null) {
            return headers;
        }
        int number = 0;
        for (String line : text.split("\r?\n|\r")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            if (colon < 0 || !isToken(name)) {
                throw s.invalid(HEADERS, "line " + number + " is not 'Name: value'");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization")) {
                throw s.invalid(HEADERS, "must not set Authorization: store the token in the vault and name it in '"
                        + TOKEN_ALIAS + "'");
            }
            if (RESERVED.contains(lower) || lower.equals(signatureHeader.toLowerCase(Locale.ROOT))) {
                throw s.invalid(HEADERS, "must not set " + name + " (the notifier sets it)");
            }
            String value = line.substring(colon + 1).strip();
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw s.invalid(HEADERS, "line " + number + " has a control character in its value");
            }
            headers.add(Map.entry(name, value));
        }
        return List.copyOf(headers);
    }

    /** An RFC 9110 token (a header name). */
    private static boolean isToken(String name) {
        return !name.isEmpty()
                && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }
}
