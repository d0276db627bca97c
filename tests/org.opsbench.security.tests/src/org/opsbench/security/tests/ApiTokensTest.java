package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.security.ApiToken;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.IssuedToken;
import org.opsbench.security.TokenException;
import org.opsbench.security.internal.ApiTokenService;
import org.opsbench.security.internal.IdentityStore;
import org.opsbench.security.internal.TokenStore;
import org.osgi.service.event.EventAdmin;

/** API tokens on a real Derby database: issue, list, revoke, expiry, refusals, what is stored and audited. */
class ApiTokensTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    private static Principal admin;
    private static Principal viewer;

    @BeforeAll
    static void users() throws Exception {
        admin = RUNTIME.admin();
        RUNTIME.service(IdentityAdmin.class).createUser(admin, "vera", "Vera Viewer", "",
                "Vera-Password-1".toCharArray(), Set.of("viewer"));
        viewer = Principal.user("vera", "Vera Viewer");
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2031-03-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static ApiTokenService withClock(Clock clock) throws Exception {
        return new ApiTokenService(RUNTIME.service(TokenStore.class), RUNTIME.service(IdentityStore.class),
                RUNTIME.service(AccessControl.class), RUNTIME.service(AuditLog.class),
                RUNTIME.anyService(EventAdmin.class), clock);
    }

    @Test
    void anIssuedTokenAuthenticatesAsItsUserIsListedWithoutSecretAndStopsWorkingWhenRevoked() throws Exception {
        ApiTokens tokens = RUNTIME.service(ApiTokens.class);
        IssuedToken issued = tokens.issue(viewer, "vera", "  ci pipeline ", Instant.now().plus(Duration.ofDays(30)));
        assertTrue(issued.secret().matches("obt_[a-z2-7]{12}_[A-Za-z0-9_-]{43}"), issued.secret());
        assertEquals("obt_" + issued.token().id() + "_", issued.secret().substring(0, 17));
        assertEquals("ci pipeline", issued.token().label());
        assertFalse(issued.toString().contains(issued.secret()));

        Principal caller = tokens.authenticate(issued.secret());
        assertEquals(Principal.user("vera", "Vera Viewer"), caller);
        List<ApiToken> listed = tokens.list(viewer, "vera");
        assertEquals(1, listed.stream().filter(t -> t.id().equals(issued.token().id())).count());
        ApiToken mine = listed.stream().filter(t -> t.id().equals(issued.token().id())).findFirst().orElseThrow();
        assertNotNullLastUse(mine);
        assertNull(mine.revokedAt());

        tokens.revoke(viewer, issued.token().id());
        TokenException refused = assertThrows(TokenException.class, () -> tokens.authenticate(issued.secret()));
        assertEquals(TokenException.Reason.REVOKED, refused.reason());
        assertFalse(refused.getMessage().contains(issued.secret()));
        assertFalse(tokens.list(viewer, null).get(0).isActive(Instant.now()));

        List<AuditRecord> audit = RUNTIME.service(AuditTrail.class).search(admin,
                new AuditQuery(null, null, null, "apitoken", issued.token().id(), 0));
        assertEquals(List.of("security.token.revoke", "security.token.issue"),
                audit.stream().map(r -> r.entry().action()).toList());
        tokens.revoke(viewer, issued.token().id());
        assertEquals(2, RUNTIME.service(AuditTrail.class).search(admin,
                new AuditQuery(null, null, null, "apitoken", issued.token().id(), 0)).size(),
                "revoking a revoked token changes nothing");
        assertThrows(NoSuchElementException.class, () -> tokens.revoke(viewer, "aaaaaaaaaaaa"));
    }

    private static void assertNotNullLastUse(ApiToken token) {
        assertTrue(token.lastUsedAt() != null, "the last use is recorded: " + token);
    }

    @Test
    void aTokenExpiresAtItsTimeAndItsLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        MovingClock clock = new MovingClock();
        ApiTokenService tokens = withClock(clock);
        Instant issuedAt = clock.now;
        IssuedToken issued = tokens.issue(admin, "admin", "nightly export", issuedAt.plus(Duration.ofDays(1)));
        assertEquals(issuedAt, issued.token().createdAt());

        clock.now = issuedAt.plusSeconds(10);
        tokens.authenticate(issued.secret());
        assertEquals(issuedAt.plusSeconds(10), lastUse(tokens, issued));
        clock.now = issuedAt.plusSeconds(50);
        tokens.authenticate(issued.secret());
        assertEquals(issuedAt.plusSeconds(10), lastUse(tokens, issued), "not written again within a minute");
        clock.now = issuedAt.plusSeconds(71);
        tokens.authenticate(issued.secret());
        assertEquals(issuedAt.plusSeconds(71), lastUse(tokens, issued));

        clock.now = issuedAt.plus(Duration.ofDays(1)).minusMillis(1);
        assertEquals("admin", tokens.authenticate(issued.secret()).name());
        clock.now = issuedAt.plus(Duration.ofDays(1));
        assertEquals(TokenException.Reason.EXPIRED,
                assertThrows(TokenException.class, () -> tokens.authenticate(issued.secret())).reason());
        assertFalse(tokens.list(admin, "admin").stream().filter(t -> t.id().equals(issued.token().id())).findFirst()
                .orElseThrow().isActive(clock.now));
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> tokens.issue(admin, "admin", "late", clock.now.minusSeconds(1)));
        assertTrue(past.getMessage().startsWith("expiresAt:"), past.getMessage());
    }

    private static Instant lastUse(ApiTokens tokens, IssuedToken issued) {
        return tokens.list(admin, issued.token().user()).stream().filter(t -> t.id().equals(issued.token().id()))
                .findFirst().orElseThrow().lastUsedAt();
    }

    @Test
    void aUserWithoutTheAdminPermissionCannotSeeIssueOrRevokeAnotherUsersTokens() throws Exception {
        ApiTokens tokens = RUNTIME.service(ApiTokens.class);
        IssuedToken admins = tokens.issue(admin, "admin", "admin's", Instant.now().plus(Duration.ofDays(2)));
        assertEquals("not allowed: security:admin",
                assertThrows(NotAllowedException.class, () -> tokens.list(viewer, "admin")).getMessage());
        assertThrows(NotAllowedException.class,
                () -> tokens.issue(viewer, "admin", "sneaky", Instant.now().plus(Duration.ofDays(1))));
        assertThrows(NotAllowedException.class, () -> tokens.revoke(viewer, admins.token().id()));
        assertEquals("admin", tokens.authenticate(admins.secret()).name(), "still working");
        // an administrator manages anyone's
        IssuedToken veras = tokens.issue(admin, "vera", "for vera", Instant.now().plus(Duration.ofDays(2)));
        assertTrue(tokens.list(admin, "vera").stream().anyMatch(t -> t.id().equals(veras.token().id())));
        tokens.revoke(admin, veras.token().id());
        assertThrows(TokenException.class, () -> tokens.authenticate(veras.secret()));
        // nobody without the permission at all: an unknown principal holds nothing
        assertThrows(NotAllowedException.class,
                () -> tokens.list(Principal.user("mallory", "Mallory"), "mallory"));
    }

    @Test
    void onlyTheHashIsStoredAndTheAuditNeverContainsTheSecret() throws Exception {
        ApiTokens tokens = RUNTIME.service(ApiTokens.class);
        IssuedToken issued = tokens.issue(admin, "vera", "stored", Instant.now().plus(Duration.ofDays(3)));
        String random = issued.secret().substring(17);
        List<String> values = new ArrayList<>();
        String hash = null;
        try (Connection c = RUNTIME.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM SECURITY_API_TOKEN WHERE ID = ?")) {
            ps.setString(1, issued.token().id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                hash = rs.getString("SECRET_HASH");
            }
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.secret().getBytes(StandardCharsets.UTF_8))), hash);
        for (String v : values) {
            assertFalse(v.contains(random), "a column holds the secret: " + values);
        }
        for (AuditRecord r : RUNTIME.service(AuditTrail.class).search(admin, AuditQuery.latest(0))) {
            assertFalse(String.valueOf(r.entry()).contains(random), r.toString());
        }
        RUNTIME.checkpoint();
        try (var files = java.nio.file.Files.walk(RUNTIME.databaseFolder())) {
            for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String bytes = new String(java.nio.file.Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(random), "the secret is in " + f);
            }
        }
    }

    @Test
    void malformedTamperedAndUnknownSecretsAndDisabledUsersAreRefusedWithTheirReason() throws Exception {
        ApiTokens tokens = RUNTIME.service(ApiTokens.class);
        IdentityAdmin identities = RUNTIME.service(IdentityAdmin.class);
        identities.createUser(admin, "otto", "Otto", "", "Otto-Password-1".toCharArray(), Set.of("operator"));
        IssuedToken issued = tokens.issue(admin, "otto", "otto's", Instant.now().plus(Duration.ofDays(3)));
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String bad : new String[]{null, "", "obt_", "Bearer " + secret, secret.toUpperCase(), tampered,
                "obt_aaaaaaaaaaaa_" + secret.substring(17)}) {
            TokenException e = assertThrows(TokenException.class, () -> tokens.authenticate(bad), bad);
            assertEquals(TokenException.Reason.UNKNOWN, e.reason(), bad);
        }
        identities.setEnabled(admin, "otto", false);
        assertEquals(TokenException.Reason.DISABLED,
                assertThrows(TokenException.class, () -> tokens.authenticate(secret)).reason());
        identities.setEnabled(admin, "otto", true);
        assertEquals("otto", tokens.authenticate(secret).name());
        assertNotEquals(secret, tokens.issue(admin, "otto", "otto's", Instant.now().plusSeconds(60)).secret(),
                "same label, another secret");
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() throws Exception {
        ApiTokens tokens = RUNTIME.service(ApiTokens.class);
        int before = tokens.list(admin, "admin").size();
        Instant later = Instant.now().plus(Duration.ofDays(1));
        assertTrue(message(() -> tokens.issue(admin, "admin", "  ", later)).startsWith("label:"));
        assertTrue(message(() -> tokens.issue(admin, "admin", "x".repeat(201), later)).startsWith("label:"));
        assertTrue(message(() -> tokens.issue(admin, "admin", "ok", null)).startsWith("expiresAt:"));
        assertTrue(message(() -> tokens.issue(admin, "nobody", "ok", later)).startsWith("user: no such user"));
        assertEquals(before, tokens.list(admin, "admin").size());
    }

    @Test
    void theConsoleIssuesAndPrintsTheSecretOnceListsWithoutItAndRevokes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandProcessor processor = RUNTIME.anyService(CommandProcessor.class);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), new PrintStream(out, true))) {
            assertTrue(String.valueOf(session.execute("opsbench:token list")).startsWith("error: not logged in"));
            session.put(SessionKeys.PRINCIPAL, admin);
            String issued = String.valueOf(session.execute("opsbench:token issue vera \"deploy bot\" 7"));
            assertTrue(issued.startsWith("issued "), issued);
            Matcher m = Pattern.compile("obt_([a-z2-7]{12})_\\S+").matcher(issued);
            assertTrue(m.find(), issued);
            String secret = m.group();
            String id = m.group(1);
            assertEquals("vera", RUNTIME.service(ApiTokens.class).authenticate(secret).name());
            String list = String.valueOf(session.execute("opsbench:token list vera"));
            assertTrue(list.contains(id) && list.contains("deploy bot") && list.contains("active"), list);
            assertFalse(list.contains(secret.substring(17)), list);
            assertEquals("revoked " + id, String.valueOf(session.execute("opsbench:token revoke " + id)));
            assertTrue(String.valueOf(session.execute("opsbench:token list vera")).contains(id + " vera"));
            assertTrue(String.valueOf(session.execute("opsbench:token list vera")).contains("REVOKED"));
            assertEquals("error: DAYS: a whole number of days, was soon",
                    String.valueOf(session.execute("opsbench:token issue vera label soon")));
            assertEquals("error: no such API token: zzzzzzzzzzzz",
                    String.valueOf(session.execute("opsbench:token revoke zzzzzzzzzzzz")));
            session.put(SessionKeys.PRINCIPAL, viewer);
            assertEquals("error: not allowed: security:admin",
                    String.valueOf(session.execute("opsbench:token list admin")));
        }
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
