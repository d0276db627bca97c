package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Notifier.DeliveryException;

/**
 * The {@code smtp} notifier service against a small SMTP server in the test ({@link SmtpReceiver}), in plain text and
 * with STARTTLS on a self-signed certificate made by {@code keytool}; the AUTH password comes from the real vault.
 */
class SmtpNotifierTest {

    private static final String BODY = "Disk /var is 97 % full on db1 — größer als erlaubt ✓ 日本語\n"
            + ".\n" + ".starts with a dot\n" + "..two dots\n" + "trailing blanks   \n"
            + "a long line: " + "0123456789 ".repeat(12) + "\n" + "equals = sign and\ttab\n";
    private static final Notification ALERT = new Notification(Instant.parse("2026-11-25T10:00:00Z"),
            Severity.CRITICAL, "Disk voll auf db1: 97 % — ✓", BODY, new CiRef("ci-42", "host", "db1"),
            Map.of("state.new", "CRITICAL"));

    @TempDir
    static Path folder;
    private static Path certificate;
    private static SSLContext serverTls;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        TestCertificates.Issued issued = TestCertificates.selfSigned(folder, "smtp", "dns:localhost,ip:127.0.0.1",
                null, 2);
        certificate = issued.pem();
        serverTls = issued.server();
    }

    private static Notifier smtp() throws Exception {
        return Osgi.service(Notifier.class, "(notifier=smtp)");
    }

    private static Map<String, String> settings(SmtpReceiver receiver, String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(receiver.port()));
        settings.put("tls", "none");
        settings.put("from", "opsbench@example.org");
        settings.put("to", "ops@example.org, oncall+db@example.org");
        settings.put("timeout", "PT10S");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    @Test
    void plainDeliveryCarriesTheEnvelopeHeadersAndTheUtf8BodyAndSubject() throws Exception {
        try (SmtpReceiver receiver = SmtpReceiver.plain(Set.of())) {
            smtp().send(ALERT, settings(receiver));

            SmtpReceiver.Session session = receiver.session();
            assertEquals("opsbench@example.org", session.from);
            assertEquals(List.of("ops@example.org", "oncall+db@example.org"), session.recipients);
            assertTrue(session.commands.get(0).startsWith("EHLO [127.0.0.1]"), session.commands.toString());
            assertTrue(session.quit, "the session ends with QUIT");
            assertEquals(0, session.bareLineFeeds, "every line ends in CRLF");
            assertFalse(session.tls);

            ReceivedMail mail = new ReceivedMail(session.data);
            assertEquals("opsbench@example.org", mail.header("From"));
            assertEquals("ops@example.org, oncall+db@example.org", mail.header("To").replaceAll(",\\s*", ", "));
            assertEquals("[CRITICAL] Disk voll auf db1: 97 % — ✓", mail.subject());
            assertTrue(mail.header("Subject").startsWith("=?UTF-8?B?"), mail.header("Subject"));
            assertNotNull(ZonedDateTime.parse(mail.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME));
            assertTrue(mail.header("Message-ID").matches("<[^@<>\\s]+@example\\.org>"), mail.header("Message-ID"));
            assertEquals("1.0", mail.header("MIME-Version"));
            assertEquals("text/plain; charset=UTF-8", mail.header("Content-Type"));
            for (String line : session.data.split("\r\n")) {
                assertTrue(line.length() <= 78 && line.chars().allMatch(c -> c < 128), "7-bit, short: " + line);
            }
            String body = mail.body();
            assertTrue(body.startsWith(BODY.replace("\n", "\r\n")), body);
            assertTrue(body.contains("Item: host db1 (ci-42)\r\n"), body);
            assertTrue(body.contains("Time: 2026-11-25T10:00:00Z\r\n"), body);
            assertTrue(body.contains("state.new: CRITICAL\r\n"), body);
        }
    }

    @Test
    void linesStartingWithADotAreStuffedOnTheWireAndArriveUnchanged() throws Exception {
        try (SmtpReceiver receiver = SmtpReceiver.plain(Set.of())) {
            smtp().send(ALERT, settings(receiver));
            SmtpReceiver.Session session = receiver.session();
            assertTrue(session.rawData.contains(".."), "a lone dot goes out doubled: " + session.rawData);
            assertTrue(session.rawData.contains("..starts with a dot"), session.rawData.toString());
            assertTrue(session.rawData.contains("...two dots"), session.rawData.toString());
            String body = new ReceivedMail(session.data).body();
            assertTrue(body.contains("\r\n.\r\n.starts with a dot\r\n..two dots\r\n"), body);
        }
    }

    @Test
    void refusedRecipientFailsWithTheServersReplyAndNothingIsSent() throws Exception {
        try (SmtpReceiver receiver = SmtpReceiver.plain(Set.of("nobody@example.org"))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> smtp().send(ALERT, settings(receiver, "to", "ops@example.org,nobody@example.org")));
            assertTrue(
                    e.getMessage().contains("SMTP server refused RCPT TO:<nobody@example.org>: 550 5.1.1 no such user"),
                    e.getMessage());
            assertNull(receiver.session().data, "no DATA after a refused recipient");
        }
    }

    @Test
    void authIsRefusedOverPlainTextUnlessAllowed() throws Exception {
        String alias = TestVault.store("smtp/password", SecretStore.Kind.PASSWORD, "Pässwort-42!");
        try (SmtpReceiver receiver = new SmtpReceiver(null, Set.of("PLAIN", "LOGIN"), "alerts", "Pässwort-42!",
                Set.of())) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> smtp().send(ALERT, settings(receiver, "user", "alerts", "passwordAlias", alias)));
            assertTrue(e.getMessage().contains("refusing AUTH over an unencrypted connection"), e.getMessage());
            assertTrue(e.getMessage().contains("allowPlainAuth"), e.getMessage());
            assertEquals(0, receiver.sessions().size(), "not even connected");

            smtp().send(ALERT, settings(receiver, "user", "alerts", "passwordAlias", alias, "allowPlainAuth", "true"));
            SmtpReceiver.Session session = receiver.session();
            assertEquals("PLAIN", session.authMechanism);
            assertEquals("alerts", session.authUser);
            assertEquals("Pässwort-42!", session.authPassword);
            assertNotNull(session.data);
        }
    }

    @Test
    void startTlsWithATrustedCertificateThenAuthLoginThenDelivery() throws Exception {
        String alias = TestVault.store("smtp/password", SecretStore.Kind.PASSWORD, "s3cret-over-tls");
        try (SmtpReceiver receiver = new SmtpReceiver(serverTls, Set.of("LOGIN"), "alerts", "s3cret-over-tls",
                Set.of())) {
            smtp().send(ALERT, settings(receiver, "tls", "starttls", "trustCertificates", certificate.toString(),
                    "user", "alerts", "passwordAlias", alias));
            SmtpReceiver.Session session = receiver.session();
            assertTrue(session.tls);
            assertTrue(session.tlsBeforeAuth, "AUTH only after the handshake");
            assertEquals(2, session.ehlos, "EHLO again after STARTTLS");
            assertEquals("LOGIN", session.authMechanism);
            assertEquals("s3cret-over-tls", session.authPassword);
            assertEquals("[CRITICAL] Disk voll auf db1: 97 % — ✓", new ReceivedMail(session.data).subject());
        }
    }

    @Test
    void wrongPasswordFailsQuotingTheServerButNotThePassword() throws Exception {
        String alias = TestVault.store("smtp/password", SecretStore.Kind.PASSWORD, "not-the-password");
        try (SmtpReceiver receiver = new SmtpReceiver(serverTls, Set.of("PLAIN"), "alerts", "the-password",
                Set.of())) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> smtp().send(ALERT, settings(receiver, "tls", "starttls", "trustCertificates",
                            certificate.toString(), "user", "alerts", "passwordAlias", alias)));
            assertTrue(e.getMessage().contains("SMTP server refused AUTH for user 'alerts' (PLAIN): 535"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
            assertNull(receiver.session().data);
        }
    }

    @Test
    void selfSignedCertificateIsNotTrustedByDefault() throws Exception {
        try (SmtpReceiver receiver = new SmtpReceiver(serverTls, Set.of(), null, null, Set.of())) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> smtp().send(ALERT, settings(receiver, "tls", "starttls")));
            assertTrue(e.getMessage().contains("TLS failed during STARTTLS"), e.getMessage());
            assertNull(receiver.session().data);
        }
    }

    @Test
    void startTlsIsRequiredByDefaultAndItsAbsenceIsRefused() throws Exception {
        try (SmtpReceiver receiver = SmtpReceiver.plain(Set.of())) {
            Map<String, String> settings = settings(receiver);
            settings.remove("tls");
            DeliveryException e = assertThrows(DeliveryException.class, () -> smtp().send(ALERT, settings));
            assertTrue(e.getMessage().contains("does not offer STARTTLS"), e.getMessage());
            assertNull(receiver.session().data);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() throws Exception {
        Notifier smtp = smtp();
        Map<String, String> good = Map.of("host", "mail.example.org", "from", "opsbench@example.org", "to",
                "ops@example.org");
        Map<String, String> refusals = Map.of("to", "ops@example.org, not an address", "from", "Ops <ops@x.org>",
                "host", "bad host!", "port", "70000", "tls", "sometimes", "user", "alerts", "allowPlainAuth", "yes",
                "trustCertificates", "/no/such/file.pem");
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            Map<String, String> settings = new HashMap<>(good);
            settings.put(bad.getKey(), bad.getValue());
            DeliveryException e = assertThrows(DeliveryException.class, () -> smtp.send(ALERT, settings),
                    bad.toString());
            String expected = bad.getKey().equals("user") ? "passwordAlias" : bad.getKey();
            assertTrue(e.getMessage().contains("setting '" + expected + "'"), e.getMessage());
        }
        DeliveryException missing = assertThrows(DeliveryException.class,
                () -> smtp.send(ALERT, Map.of("host", "mail.example.org", "from", "opsbench@example.org")));
        assertTrue(missing.getMessage().contains("setting 'to' is required"), missing.getMessage());
    }
}
