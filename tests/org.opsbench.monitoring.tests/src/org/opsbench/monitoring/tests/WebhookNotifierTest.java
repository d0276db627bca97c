package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Notifier.DeliveryException;
import org.opsbench.monitoring.tests.WebhookReceiver.Answer;
import org.opsbench.monitoring.tests.WebhookReceiver.Request;

/** The {@code webhook} notifier service against a real HTTP receiver on 127.0.0.1, with secrets from the real vault. */
class WebhookNotifierTest {

    /** Quotes, backslashes, line breaks, control characters, non-ASCII, an emoji and U+2028. */
    private static final String TRICKY = "\"quoted\" back\\slash\nline 2\r\n\ttab \u0001\u001f\u007f é ✓ 😀 \u2028 </script>";
    private static final Notification ALERT = new Notification(Instant.parse("2026-11-25T10:00:00.123Z"),
            Severity.CRITICAL, "PING CRITICAL - \"db1\" unreachable", TRICKY, new CiRef("ci-42", "host", "db1 ✓"),
            Map.of("state.old", "OK", "state.new", "CRITICAL", "note", TRICKY));

    private static Notifier webhook() throws Exception {
        return Osgi.service(Notifier.class, "(notifier=webhook)");
    }

    private static Map<String, String> settings(WebhookReceiver receiver, String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", receiver.url("/hooks/opsbench"));
        settings.put("backoffMillis", "10");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    @Test
    void serviceUnavailableAndDroppedConnectionsAreRetriedAndTheBodyArrivesIntact() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.status(503), Answer.drop(), Answer.status(500),
                Answer.status(200))) {
            webhook().send(ALERT, settings(receiver, "retries", "3"));

            List<Request> requests = receiver.requests();
            assertEquals(4, requests.size(), "three failures, then success");
            for (Request r : requests) {
                assertEquals("POST", r.method());
                assertEquals("/hooks/opsbench", r.path());
                assertArrayEquals(requests.get(0).body(), r.body(), "every attempt sends the same body");
            }
            Request last = requests.get(3);
            assertTrue(last.header("Content-Type").startsWith("application/json"), last.header("Content-Type"));
            assertNull(last.header("Authorization"), "no token was configured");
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(last.bodyText());
            assertEquals("2026-11-25T10:00:00.123Z", json.get("time"));
            assertEquals("CRITICAL", json.get("severity"));
            assertEquals("PING CRITICAL - \"db1\" unreachable", json.get("subject"));
            assertEquals(TRICKY, json.get("body"));
            assertEquals(Map.of("id", "ci-42", "type", "host", "name", "db1 ✓"), json.get("item"));
            assertEquals(Map.of("state.old", "OK", "state.new", "CRITICAL", "note", TRICKY), json.get("properties"));
            String raw = last.bodyText();
            assertTrue(raw.contains("é ✓ 😀"), "non-ASCII goes out as UTF-8: " + raw);
            assertTrue(raw.contains("\\u0001") && raw.contains("\\u2028"), raw);
        }
    }

    @Test
    void itemlessNotificationHasANullItemAndEmptyProperties() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            webhook().send(new Notification(Instant.EPOCH, Severity.INFO, "ok", "", null, Map.of()),
                    settings(receiver));
            assertEquals("{\"time\":\"1970-01-01T00:00:00Z\",\"severity\":\"INFO\",\"subject\":\"ok\",\"body\":\"\","
                    + "\"item\":null,\"properties\":{}}", receiver.requests().get(0).bodyText());
        }
    }

    @Test
    void giveUpAfterTheRetriesNamingTheLastStatus() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.status(503), Answer.status(503),
                Answer.status(502, "bad gateway"))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook().send(ALERT, settings(receiver, "retries", "2")));
            assertEquals(3, receiver.requests().size());
            assertTrue(e.getMessage().contains("failed after 3 attempts: HTTP 502: bad gateway"), e.getMessage());
            assertTrue(e.getMessage().contains("http://127.0.0.1:"), e.getMessage());
            assertFalse(e.getMessage().contains("/hooks/opsbench"), "the path may be a secret: " + e.getMessage());
        }
    }

    @Test
    void badRequestIsNotRetriedAndTheMessageNamesTheStatus() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.status(400, "missing field 'text'"))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook().send(ALERT, settings(receiver, "retries", "3")));
            assertEquals(1, receiver.requests().size(), "a 4xx other than 429 is final");
            assertTrue(e.getMessage().contains("HTTP 400: missing field 'text'"), e.getMessage());
            assertTrue(e.getMessage().contains("not retried"), e.getMessage());
        }
    }

    @Test
    void retryAfterOfTooManyRequestsIsHonoured() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.withHeader(429, "Retry-After", "1"),
                Answer.status(200))) {
            webhook().send(ALERT, settings(receiver, "backoffMillis", "1"));
            List<Request> requests = receiver.requests();
            assertEquals(2, requests.size());
            Duration gap = Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime());
            // sanity only: the retry waited for the server's second, not the 1 ms backoff
            assertTrue(gap.toMillis() >= 900, "retried after " + gap.toMillis() + " ms");
        }
    }

    @Test
    void unreachableReceiverFailsAfterTheRetriesWithAConnectionError() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        DeliveryException e = assertThrows(DeliveryException.class, () -> webhook().send(ALERT,
                Map.of("url", "http://127.0.0.1:" + port + "/x", "retries", "1", "backoffMillis", "1")));
        assertTrue(e.getMessage().contains("failed after 2 attempts: connection failed"), e.getMessage());
    }

    @Test
    void signatureIsAnHmacOfTheBodyWithTheKeyFromTheVault() throws Exception {
        String key = "whsec-" + System.nanoTime();
        String alias = TestVault.store("webhook/signing", SecretStore.Kind.TOKEN, key);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            webhook().send(ALERT,
                    settings(receiver, "signingKeyAlias", alias, "signatureHeader", "X-Hub-Signature-256"));
            Request r = receiver.requests().get(0);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())), r.header("X-Hub-Signature-256"));
        }
    }

    @Test
    void bearerTokenComesFromTheVaultOnceAndAgainAfterTheVaultChanged() throws Exception {
        String alias = TestVault.store("webhook/token", SecretStore.Kind.TOKEN, "tok-first-1234");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> settings = settings(receiver, "tokenAlias", alias, "headers",
                    "X-Team: ops\nX-Trace: a=b; c=d");
            for (int i = 0; i < 3; i++) {
                webhook().send(ALERT, settings);
            }
            for (Request r : receiver.requests()) {
                assertEquals("Bearer tok-first-1234", r.header("Authorization"));
                assertEquals("ops", r.header("X-Team"));
                assertEquals("a=b; c=d", r.header("X-Trace"));
            }
            assertEquals(1, TestVault.readsOf(alias), "three notifications, one audited vault read");

            TestVault.replace(alias, SecretStore.Kind.TOKEN, "tok-second-5678");
            // VAULT_CHANGED is delivered asynchronously: the new token arrives once the cache was dropped
            long deadline = System.nanoTime() + Osgi.TIMEOUT.toNanos();
            String seen;
            do {
                webhook().send(ALERT, settings);
                List<Request> requests = receiver.requests();
                seen = requests.get(requests.size() - 1).header("Authorization");
            } while (!seen.equals("Bearer tok-second-5678") && System.nanoTime() < deadline && pause());
            assertEquals("Bearer tok-second-5678", seen);
            assertEquals(2, TestVault.readsOf(alias));
        }
    }

    @Test
    void errorMessagesNeverCarryTheToken() throws Exception {
        String alias = TestVault.store("webhook/token", SecretStore.Kind.TOKEN, "tok-echoed-9876");
        try (WebhookReceiver receiver = new WebhookReceiver(Answer.echoingAuthorization(403))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook().send(ALERT, settings(receiver, "tokenAlias", alias)));
            assertTrue(e.getMessage().contains("HTTP 403: you sent Authorization: Bearer ****"), e.getMessage());
            assertFalse(e.getMessage().contains("tok-echoed-9876"), e.getMessage());
        }
    }

    @Test
    void missingSecretIsNamedByAliasAndSetting() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook().send(ALERT, settings(receiver, "tokenAlias", "webhook/no-such-alias")));
            assertTrue(e.getMessage().contains("'webhook/no-such-alias' (setting 'tokenAlias') is not in the vault"),
                    e.getMessage());
            assertEquals(0, receiver.requests().size());
        }
    }

    @Test
    void badUrlSettingIsRefusedNamingUrl() throws Exception {
        Notifier webhook = webhook();
        for (String url : List.of("", "ftp://example.org/x", "not a url", "/relative/path",
                "https://user:secret@example.org/x")) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> webhook.send(ALERT, Map.of("url", url)),
                    url);
            assertTrue(e.getMessage().contains("setting 'url'"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "no credentials in the message: " + e.getMessage());
        }
    }

    @Test
    void badNumbersAndInlineAuthorizationAreRefusedNamingTheSetting() throws Exception {
        Notifier webhook = webhook();
        Map<String, String> refusals = Map.of("retries", "lots", "backoffMillis", "-5", "timeout", "soon", "headers",
                "Authorization: Bearer inline");
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook.send(ALERT, Map.of("url", "https://example.org/x", bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains("setting '" + bad.getKey() + "'"), e.getMessage());
            assertFalse(e.getMessage().contains("inline"), e.getMessage());
        }
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}
