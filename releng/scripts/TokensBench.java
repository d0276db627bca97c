import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opsbench.security.internal.PasswordHasher;
import org.opsbench.security.internal.TokenSecrets;

/**
 * API token authentication, the work the REST runtime does for every call with a bearer token: parse the id, read the
 * token row by primary key, SHA-256 and constant-time compare, then the user's row, roles and groups (what
 * {@code TokenStore.byId} and {@code IdentityStore.user} read), each read in its own transaction as the services do, on
 * embedded Derby with the security area's migrations and 10,000 tokens. Baseline in the same run: one PBKDF2 password
 * verification at the bundle's default cost, what a per-call password login would pay.
 */
public final class TokensBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path root = Path.of(args[1]);
        int tokens = Integer.getInteger("tokens", 10_000);
        int calls = Integer.getInteger("calls", 50_000);
        SecureRandom random = new SecureRandom();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + work.resolve("db") + ";create=true")) {
            for (String script : List.of("V1__identity_audit_vault.sql", "V2__api_tokens.sql")) {
                run(c, Files.readString(root.resolve("bundles/org.opsbench.security/migrations/" + script)));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO SECURITY_USER (LOGIN, DISPLAY_NAME, EMAIL, PASSWORD_HASH, ENABLED,"
                        + " CREATED) VALUES ('bench', 'Bench', '', 'x', 1, 0)");
                s.executeUpdate("INSERT INTO SECURITY_USER_ROLE VALUES ('bench', 'operator')");
            }
            String[] secrets = new String[tokens];
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SECURITY_API_TOKEN (ID, LOGIN, LABEL,"
                    + " SECRET_HASH, CREATED, EXPIRES) VALUES (?, 'bench', 'bench', ?, 0, ?)")) {
                for (int i = 0; i < tokens; i++) {
                    TokenSecrets.Fresh f = TokenSecrets.fresh(random);
                    secrets[i] = f.secret();
                    ps.setString(1, f.id());
                    ps.setString(2, TokenSecrets.hash(f.secret()));
                    ps.setLong(3, Long.MAX_VALUE / 2);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            // warm-up, then the measured calls over random tokens
            for (int i = 0; i < 5_000; i++) {
                authenticate(c, secrets[random.nextInt(tokens)]);
            }
            long[] nanos = new long[calls];
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                authenticate(c, secrets[random.nextInt(tokens)]);
                nanos[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("token authentication (Derby, %,d tokens, 1 thread): %,.0f/s, p50 %.3f ms, p99 %.3f ms"
                    + "   goal >= 2,000/s and p99 < 2 ms%n", tokens, calls / seconds, nanos[calls / 2] / 1e6,
                    nanos[(int) (calls * 0.99)] / 1e6);
            long refused = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                authenticate(c, "obt_" + "a".repeat(12) + "_" + "x".repeat(43));
            }
            System.out.printf("unknown token refused: %.3f ms each%n", (System.nanoTime() - refused) / 1e6 / 10_000);
        }
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
        String stored = hasher.hash("correct horse battery".toCharArray());
        int n = 5;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            hasher.matches("correct horse battery".toCharArray(), stored);
        }
        double each = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("baseline: PBKDF2 password check (%,d iterations): %.1f ms each = %,.1f/s%n",
                PasswordHasher.DEFAULT_ITERATIONS, each, 1000 / each);
    }

    private static void authenticate(Connection c, String secret) throws Exception {
        String id = TokenSecrets.idOf(secret).orElseThrow();
        String login = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, LOGIN, LABEL, CREATED, EXPIRES, LAST_USED, REVOKED,"
                + " SECRET_HASH FROM SECURITY_API_TOKEN WHERE ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && TokenSecrets.matches(secret, rs.getString(8)) && rs.getObject(7) == null) {
                    login = rs.getString(2);
                }
            }
        }
        c.commit();
        if (login == null) {
            return;
        }
        List<String> seen = new ArrayList<>();
        for (String sql : List.of("SELECT LOGIN, DISPLAY_NAME, EMAIL, ENABLED, LAST_LOGIN, PASSWORD_HASH FROM"
                + " SECURITY_USER WHERE LOGIN = ?", "SELECT ROLE_NAME FROM SECURITY_USER_ROLE WHERE LOGIN = ?",
                "SELECT GROUP_NAME FROM SECURITY_GROUP_MEMBER WHERE LOGIN = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getString(1));
                    }
                }
            }
        }
        c.commit();
        if (seen.isEmpty()) {
            throw new IllegalStateException("the bench user is gone");
        }
    }

    private static void run(Connection c, String script) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql.strip().replaceAll(";$", ""));
                }
            }
        }
    }
}
