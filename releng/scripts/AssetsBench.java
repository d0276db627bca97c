import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.Discovery;
import org.opsbench.assets.Impact;
import org.opsbench.assets.internal.discovery.DiscoveryService;
import org.opsbench.assets.internal.discovery.SshLinuxProbe;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.service.AssetsService;
import org.opsbench.assets.internal.service.Changes;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.assets.internal.store.Graph;
import org.opsbench.assets.internal.types.ShippedTypes;
import org.opsbench.assets.internal.types.TypeRegistry;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.ssh.internal.SshConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;

/**
 * The assets area's figures, no OSGi: the real store, graph walk, services and ssh-linux probe (over the real JSch
 * RemoteShell) on embedded Derby, wired as DS wires them. Each figure beside its goal and a baseline of the same run:
 * impact analysis to depth 5 and an explorer page on 100,000 items and 500,000 relationships (baselines: one query per
 * item); discovery of 50 host names of one loopback sshd with parallelism 10 beside {@code ansible -m setup} on the
 * same names with 10 forks. Run by releng/bench-assets.
 */
final class AssetsBench {

    static final int ITEMS = Integer.getInteger("items", 100_000);
    static final int RELATIONSHIPS = Integer.getInteger("relationships", 500_000);
    static final int ALIASES = Integer.getInteger("aliases", 50);
    static final int ROOTS = 20;
    static final String[] TYPES = {"server", "virtual-machine", "application", "database", "network-device",
            "business-service", "location", "software-package"};
    static final Principal BENCH = Principal.system("bench");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> what = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("graph", "discovery");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        migrate(ds);
        AssetsDatabase db = new AssetsDatabase(ds);
        Changes changes = new Changes(allowAll(), auditNothing(), (EventAdmin) Proxy.newProxyInstance(
                AssetsBench.class.getClassLoader(), new Class<?>[]{EventAdmin.class}, (p, m, a) -> null),
                Clock.systemUTC());
        AssetsService assets = new AssetsService(db, TypeRegistry.of(new ShippedTypes()), changes);
        if (what.contains("graph")) {
            graph(ds, assets);
        }
        if (what.contains("discovery")) {
            discovery(dir, db, changes);
        }
    }

    // ---- 100,000 items, 500,000 relationships

    private static void graph(EmbeddedDataSource ds, AssetsService assets) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(42);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ci = c.prepareStatement("INSERT INTO ASSET_CI (ID, CI_TYPE, NAME, NAME_KEY,"
                    + " LIFECYCLE, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, 'DEPLOYED', ?, ?)");
                    PreparedStatement attr = c.prepareStatement(
                            "INSERT INTO ASSET_ATTRIBUTE (CI_ID, NAME, VAL) VALUES (?, 'owner', ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    String type = TYPES[i % TYPES.length];
                    String name = type + "-" + String.format("%06d", i);
                    ci.setString(1, id(i));
                    ci.setString(2, type);
                    ci.setString(3, name);
                    ci.setString(4, name);
                    ci.setLong(5, i);
                    ci.setLong(6, i);
                    ci.addBatch();
                    attr.setString(1, id(i));
                    attr.setString(2, "team-" + (i % 40));
                    attr.addBatch();
                    if (i % 5000 == 4999) {
                        ci.executeBatch();
                        attr.executeBatch();
                        c.commit();
                    }
                }
                ci.executeBatch();
                attr.executeBatch();
            }
            try (PreparedStatement rel = c.prepareStatement(
                    "INSERT INTO ASSET_RELATIONSHIP (SOURCE_ID, KIND, TARGET_ID) VALUES (?, ?, ?)")) {
                java.util.Set<Long> seen = new java.util.HashSet<>();
                String[] kinds = {"RUNS_ON", "DEPENDS_ON", "HOSTED_IN", "CONNECTED_TO", "OWNED_BY"};
                int n = 0;
                while (n < RELATIONSHIPS) {
                    int s = random.nextInt(ITEMS);
                    int t = random.nextInt(ITEMS);
                    int k = random.nextInt(kinds.length);
                    if (s == t || !seen.add(((long) s * ITEMS + t) * 8 + k)) {
                        continue;
                    }
                    rel.setString(1, id(s));
                    rel.setString(2, kinds[k]);
                    rel.setString(3, id(t));
                    rel.addBatch();
                    if (++n % 10_000 == 0) {
                        rel.executeBatch();
                        c.commit();
                    }
                }
                rel.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                for (String table : List.of("ASSET_CI", "ASSET_RELATIONSHIP", "ASSET_ATTRIBUTE")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            c.commit();
        }
        System.out.printf("data: %,d items (%d types) and %,d random relationships (5 kinds, 5 out and 5 in per item"
                + " on average) loaded into embedded Derby in %.1f s%n", ITEMS, TYPES.length, RELATIONSHIPS,
                (System.nanoTime() - t0) / 1e9);

        int[] roots = random.ints(ROOTS, 0, ITEMS).toArray();
        long load = System.nanoTime();
        assets.impact(BENCH, id(roots[0]), Impact.Direction.DOWNSTREAM, 1, 10);
        System.out.printf("graph index: loaded into memory on the first analysis in %.2f s (then kept by the version"
                + " counter)%n", (System.nanoTime() - load) / 1e9);
        // warm up: JIT and Derby's page cache
        for (int r : roots) {
            assets.impact(BENCH, id(r), Impact.Direction.DOWNSTREAM, 5, 100_000);
            try (Connection c = ds.getConnection()) {
                Graph.naiveCount(c, id(r), 5);
            }
        }
        double[] ours = new double[ROOTS];
        double[] batched = new double[ROOTS];
        double[] naive = new double[ROOTS];
        long reached = 0;
        for (int i = 0; i < ROOTS; i++) {
            long s = System.nanoTime();
            Impact impact = assets.impact(BENCH, id(roots[i]), Impact.Direction.DOWNSTREAM, 5, 100_000);
            ours[i] = (System.nanoTime() - s) / 1e6;
            reached += impact.nodes().size();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                s = System.nanoTime();
                Impact sql = Graph.walk(c, impact.root(), Impact.Direction.DOWNSTREAM, 5, 100_000);
                batched[i] = (System.nanoTime() - s) / 1e6;
                if (sql.nodes().size() != impact.nodes().size()) {
                    System.out.println("  MISMATCH: SQL walk " + sql.nodes().size() + ", index " + impact.nodes().size());
                }
                s = System.nanoTime();
                Graph.naiveCount(c, id(roots[i]), 5);
                naive[i] = (System.nanoTime() - s) / 1e6;
                c.commit();
            }
        }
        System.out.printf("impact analysis, downstream to depth 5 from %d random items (%,d items reached on average,"
                + " with names and the edges between them): median %.1f ms, p95 %.1f ms   goal < 50 ms%n", ROOTS,
                reached / ROOTS, median(ours), p95(ours));
        System.out.printf("  baseline 1, same run: the same walk in SQL, one batched IN query (200 ids) per level and"
                + " direction, names read back: median %.1f ms, p95 %.1f ms -> %.0fx%n", median(batched), p95(batched),
                median(batched) / median(ours));
        System.out.printf("  baseline 2, same run: one query per item and level (ids only, incoming only, no names):"
                + " median %.1f ms, p95 %.1f ms -> %.0fx%n", median(naive), p95(naive), median(naive) / median(ours));

        double[] page = new double[ROOTS];
        double[] filtered = new double[ROOTS];
        double[] perItem = new double[ROOTS];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ROOTS; i++) {
                int offset = (i * 97) % 10_000;
                CiQuery q = new CiQuery("server", null, null, null, null, CiQuery.Sort.NAME, true, offset, 100);
                long s = System.nanoTime();
                CiPage p = assets.find(BENCH, q);
                page[i] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                assets.find(BENCH, CiQuery.ofType(null, 100).withText(String.format("%03d", i)));
                filtered[i] = (System.nanoTime() - s) / 1e6;
                try (Connection c = ds.getConnection();
                        PreparedStatement all = c.prepareStatement("SELECT ID, NAME_KEY FROM ASSET_CI WHERE CI_TYPE = ?")) {
                    // the naive explorer: every item of the type, sorted and sliced in memory, then the page's details
                    s = System.nanoTime();
                    all.setString(1, "server");
                    List<String[]> rows = new ArrayList<>();
                    try (var r = all.executeQuery()) {
                        while (r.next()) {
                            rows.add(new String[]{r.getString(1), r.getString(2)});
                        }
                    }
                    rows.sort(java.util.Comparator.comparing((String[] x) -> x[1]));
                    for (String[] row : rows.subList(offset, Math.min(rows.size(), offset + 100))) {
                        CiStore.get(c, row[0]);
                    }
                    perItem[i] = (System.nanoTime() - s) / 1e6;
                }
            }
        }
        System.out.printf("explorer page (100 servers of %,d by name, at offsets up to 10,000, with attributes, tags,"
                + " groups and the total count): median %.1f ms, p95 %.1f ms   goal < 50 ms%n", ITEMS / TYPES.length,
                median(page), p95(page));
        System.out.printf("  text filter over all %,d items (name contains, first 100 + count): median %.1f ms%n", ITEMS,
                median(filtered));
        System.out.printf("  baseline, same run: every server read, sorted and sliced in memory, the page's items read one"
                + " by one: median %.1f ms, p95 %.1f ms -> %.1fx%n", median(perItem), p95(perItem),
                median(perItem) / median(page));
    }

    static String id(int i) {
        return String.format("ci-%07d", i);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
    }

    static void migrate(EmbeddedDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var scripts = Files.list(Path.of("bundles/org.opsbench.assets/migrations"))) {
            for (Path script : scripts.sorted().toList()) {
                String text = String.join("\n",
                        Files.readString(script).lines().filter(l -> !l.strip().startsWith("--")).toList());
                for (String sql : text.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
    }

    // ---- discovery of ALIASES names of one loopback sshd, beside ansible -m setup

    private static void discovery(Path dir, AssetsDatabase db, Changes changes) throws Exception {
        String user = LoopbackSshd.defaultUser();
        List<String> benchNames = new ArrayList<>();
        for (int i = 1; i <= ALIASES; i++) {
            benchNames.add(String.format("cmdb-%03d.bench", i));
        }
        LoopbackSshd sshd = LoopbackSshd.start(dir, user, benchNames, "*.bench");
        try {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= ALIASES; i++) {
                names.add(String.format("cmdb-%03d.bench", i));
            }
            JschRemoteShell shell = new JschRemoteShell(context(dir), config(dir.resolve("known_hosts")),
                    quietLogger());
            SshLinuxProbe probe = new SshLinuxProbe(shell);
            Method bind = SshLinuxProbe.class.getDeclaredMethod("bindSecrets", SecretStore.class);
            bind.setAccessible(true);
            bind.invoke(probe, new KeyStore(Files.readAllBytes(dir.resolve("user_ed25519"))));
            DiscoveryService discovery = new DiscoveryService(db, changes);
            discovery.addProbe(probe);
            Map<String, String> params = Map.of("user", user, "port", Integer.toString(sshd.port), "credential",
                    "bench/key");
            long s = System.nanoTime();
            List<Discovery.TargetResult> results = discovery.run(BENCH, "ssh-linux", names, params, 10, null);
            double ours = (System.nanoTime() - s) / 1e9;
            long ok = results.stream().filter(Discovery.TargetResult::ok).count();
            results.stream().filter(r -> !r.ok()).findFirst().ifPresent(r -> System.out.println("  failed: " + r));
            Method stop = JschRemoteShell.class.getDeclaredMethod("deactivate");
            stop.setAccessible(true);
            stop.invoke(shell);
            // ansible: the same names as inventory hosts, all 127.0.0.1 on the bench sshd, 10 forks, fact gathering
            Path inventory = dir.resolve("inventory.ini");
            StringBuilder ini = new StringBuilder("[bench]\n");
            names.forEach(n -> ini.append(n).append(" ansible_host=127.0.0.1 ansible_port=").append(sshd.port)
                    .append('\n'));
            ini.append("[bench:vars]\nansible_user=").append(user).append("\nansible_ssh_private_key_file=")
                    .append(dir.resolve("user_ed25519")).append("\nansible_python_interpreter=/usr/bin/python3\n")
                    .append("ansible_ssh_common_args='-o UserKnownHostsFile=").append(dir.resolve("known_hosts"))
                    .append(" -o StrictHostKeyChecking=yes'\n");
            Files.writeString(inventory, ini);
            ProcessBuilder pb = new ProcessBuilder("ansible", "bench", "-i", inventory.toString(), "-m", "setup",
                    "-f", "10", "-o").redirectErrorStream(true).redirectOutput(dir.resolve("ansible.log").toFile());
            pb.environment().put("ANSIBLE_CONFIG", dir.resolve("none.cfg").toString());
            pb.environment().put("ANSIBLE_HOME", dir.resolve("ansible-home").toString());
            pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
            s = System.nanoTime();
            int code = pb.start().waitFor();
            double ansible = (System.nanoTime() - s) / 1e9;
            long ansibleOk = Files.readAllLines(dir.resolve("ansible.log")).stream()
                    .filter(l -> l.contains(" | SUCCESS")).count();
            System.out.printf("discovery (ssh-linux: OS, kernel, CPUs, memory, disks, file systems, interfaces,"
                    + " %s packages, listening ports; one round trip a host) of %d host names of one loopback sshd,"
                    + " parallelism 10: %.2f s wall, %d discovered (one machine: reconciled into one item)%n",
                    results.stream().filter(Discovery.TargetResult::ok).findFirst().map(r -> "all").orElse("no"),
                    ALIASES, ours, ok);
            System.out.printf("  beside, same run: ansible -m setup on the same %d names, 10 forks (ansible-core"
                    + " defaults, SSH ControlPersist): %.2f s wall, %d succeeded (exit %d) -> ansible/opsbench %.1fx%n",
                    ALIASES, ansible, ansibleOk, code, ansible / ours);
        } finally {
            sshd.close();
        }
    }

    static Logger quietLogger() {
        return (Logger) Proxy.newProxyInstance(AssetsBench.class.getClassLoader(), new Class<?>[]{Logger.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getName" -> "bench";
                    case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled" -> false;
                    case "isErrorEnabled" -> true;
                    default -> null;
                });
    }

    static BundleContext context(Path workspace) {
        return (BundleContext) Proxy.newProxyInstance(AssetsBench.class.getClassLoader(),
                new Class<?>[]{BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        && "opsbench.workspace".equals(args[0]) ? workspace.toString() : null);
    }

    static SshConfig config(Path knownHosts) {
        return (SshConfig) Proxy.newProxyInstance(AssetsBench.class.getClassLoader(), new Class<?>[]{SshConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "maxSessions" -> ALIASES + 16;
                    case "knownHostsFile" -> knownHosts.toString();
                    case "annotationType" -> SshConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    static AccessControl allowAll() {
        return new AccessControl() {
            @Override
            public void check(Principal principal, String permission) {
            }

            @Override
            public boolean isAllowed(Principal principal, String permission) {
                return true;
            }
        };
    }

    static AuditLog auditNothing() {
        return entry -> new AuditRecord(0, java.time.Instant.now(), entry, "");
    }

    /** The login key in memory, where the vault would decrypt it. */
    record KeyStore(byte[] key) implements SecretStore {
        @Override
        public Optional<Secret> lookup(Principal caller, String alias) {
            return Optional.of(new Secret(alias, key.clone()));
        }

        @Override
        public void store(Principal caller, String alias, Kind kind, String description, byte[] value) {
        }

        @Override
        public boolean delete(Principal caller, String alias) {
            return false;
        }

        @Override
        public List<Entry> list(Principal caller) {
            return List.of(new Entry("bench/key", Kind.SSH_PRIVATE_KEY, "bench"));
        }
    }
}
