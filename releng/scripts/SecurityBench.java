import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.internal.AuditWriter;
import org.opsbench.security.internal.Authorizer;

/**
 * Benchmark of the security hot paths, without OSGi: the permission check with a warm cache, and audit appends with
 * the hash chain into embedded Derby (default durability: every commit is synced). Prints each figure beside its goal.
 * Run by releng/bench-security.
 */
public final class SecurityBench {

    public static void main(String[] args) throws Exception {
        permissionCheck();
        audit(Path.of(args[0]));
    }

    private static void permissionCheck() {
        Set<String> permissions = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            permissions.add("area" + i + ":write");
        }
        Authorizer authorizer = new Authorizer(login -> new Authorizer.Grants(false, Set.copyOf(permissions)),
                (p, perm) -> {
                });
        List<Principal> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add(Principal.user("user" + i, null));
        }
        String[] perms = permissions.toArray(String[]::new);
        long n = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int ops = 20_000_000;
            for (int i = 0; i < ops; i++) {
                authorizer.check(users.get(i % 100), perms[i % perms.length]);
            }
            long ns = System.nanoTime() - start;
            n += ops;
            if (round == 4) {
                System.out.printf("permission check (warm cache, 100 users x 40 permissions): %.1f ns/op   goal < 1000 ns/op%n",
                        (double) ns / ops);
            }
        }
    }

    private static void audit(Path folder) throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String sql = Files.readString(Path.of("bundles/org.opsbench.security/migrations/V1__identity_audit_vault.sql"));
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        Principal alice = Principal.user("alice", "Alice");
        try (AuditWriter writer = new AuditWriter(ds::getConnection, Clock.systemUTC())) {
            for (int i = 0; i < 2000; i++) {
                writer.append(entry(alice, i));
            }
            int n = 3000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                writer.append(entry(alice, i));
            }
            report("audit append, 1 thread, each waits for its commit", n, start);

            n = 50_000;
            start = System.nanoTime();
            List<CompletableFuture<AuditRecord>> pending = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pending.add(writer.submit(entry(alice, i)));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            report("audit append, 1 thread, pipelined (submit, then wait)", n, start);

            for (int threads : new int[] {8, 32}) {
                int per = threads == 8 ? 2_500 : 1_500;
                var pool = Executors.newFixedThreadPool(threads);
                CountDownLatch done = new CountDownLatch(threads);
                start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    pool.execute(() -> {
                        for (int i = 0; i < per; i++) {
                            writer.append(entry(alice, i));
                        }
                        done.countDown();
                    });
                }
                done.await();
                report("audit append, " + threads + " threads, each waits for its commit", threads * per, start);
                pool.shutdown();
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM SECURITY_AUDIT")) {
            rs.next();
            System.out.println("records in the chain: " + rs.getLong(1));
        }
    }

    private static AuditEntry entry(Principal p, int i) {
        return new AuditEntry(p, "incidents.update", "incident", "INC-" + i, "changed the priority", "P3", "P2");
    }

    private static void report(String what, int n, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,.0f records/s (%d in %.2f s)   goal >= 5,000/s%n", what, n / seconds, n, seconds);
    }
}
