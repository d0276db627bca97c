import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.AffectedPackage;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.VersionRange;
import org.opsbench.security.ops.internal.match.AdvisoryIndex;
import org.opsbench.security.ops.internal.version.DebianVersion;

/**
 * Vulnerability matching of the security operations area, plain Java and in memory: 2,000 installed packages on each
 * of 1,000 hosts against 100,000 advisories (Debian versions with epochs, tildes and revisions), through the real
 * {@link AdvisoryIndex} (index by ecosystem and package name, pre-parsed version keys). Baseline in the same run: a
 * naive per-package linear scan over all advisories comparing version strings, on a sample of hosts, extrapolated.
 * Then the time to persist the findings of a sample of hosts into the area's SECOPS_FINDING table (its migration, in
 * embedded Derby) with JDBC batches in one transaction, extrapolated to all hosts.
 */
public final class SecopsBench {

    private static final int HOSTS = Integer.getInteger("hosts", 1000);
    private static final int PACKAGES = Integer.getInteger("packages", 2000);
    private static final int ADVISORIES = Integer.getInteger("advisories", 100_000);
    private static final int NAMES = Integer.getInteger("names", 30_000);
    private static final int BASELINE_HOSTS = Integer.getInteger("baselineHosts", 2);
    private static final int PERSIST_HOSTS = Integer.getInteger("persistHosts", 100);

    private SecopsBench() {
    }

    static String version(Random r, int major) {
        StringBuilder v = new StringBuilder();
        if (r.nextInt(20) == 0) {
            v.append(1 + r.nextInt(2)).append(':');
        }
        v.append(major).append('.').append(r.nextInt(20)).append('.').append(r.nextInt(30));
        if (r.nextInt(10) == 0) {
            v.append("~rc").append(1 + r.nextInt(3));
        }
        v.append('-').append(1 + r.nextInt(5));
        if (r.nextInt(3) == 0) {
            v.append("+deb12u").append(1 + r.nextInt(12));
        }
        return v.toString();
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        Random r = new Random(42);
        String[] names = new String[NAMES];
        for (int i = 0; i < NAMES; i++) {
            names[i] = "pkg-" + Integer.toString(i, 36) + (i % 7 == 0 ? "-dev" : "");
        }
        List<Advisory> advisories = new ArrayList<>(ADVISORIES);
        for (int i = 0; i < ADVISORIES; i++) {
            // half of the advisories concern the most installed third of the packages, like libraries and tools
            String name = names[r.nextBoolean() ? r.nextInt(NAMES / 3) : r.nextInt(NAMES)];
            // most advisories are fixed in older versions than the installed ones (majors 4 and 5)
            int major = 1 + r.nextInt(4);
            List<VersionRange> ranges = List.of(new VersionRange("0", version(r, major), ""));
            advisories.add(new Advisory("DSA-" + i, List.of("CVE-2026-" + i), "", null, "", 5 + r.nextInt(50) / 10.0,
                    RiskLevel.values()[1 + r.nextInt(4)],
                    List.of(new AffectedPackage(r.nextInt(10) == 0 ? "Debian:11" : "Debian:12", name, ranges,
                            List.of(), ""))));
        }
        List<List<InstalledPackage>> hosts = new ArrayList<>(HOSTS);
        for (int h = 0; h < HOSTS; h++) {
            List<InstalledPackage> p = new ArrayList<>(PACKAGES);
            java.util.Set<String> taken = new java.util.HashSet<>();
            int start = r.nextInt(NAMES / 3);
            for (int i = 0; p.size() < PACKAGES; i++) {
                String name = names[i < PACKAGES / 2 ? (start + i * 3) % (NAMES / 3) : r.nextInt(NAMES)];
                if (taken.add(name)) {
                    p.add(new InstalledPackage("Debian:12", name, version(r, 4 + r.nextInt(2))));
                }
            }
            hosts.add(p);
        }
        System.out.printf("data: %,d hosts x %,d packages = %,d installed, %,d advisories over %,d names%n", HOSTS,
                PACKAGES, (long) HOSTS * PACKAGES, ADVISORIES, NAMES);

        long t0 = System.nanoTime();
        AdvisoryIndex index = new AdvisoryIndex(advisories);
        double build = (System.nanoTime() - t0) / 1e9;
        long matches = 0;
        List<List<AdvisoryIndex.Match>> found = new ArrayList<>(HOSTS);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        for (List<InstalledPackage> host : hosts) {
            List<AdvisoryIndex.Match> m = index.match(host);
            matches += m.size();
            found.add(m);
        }
        double match = (System.nanoTime() - t0) / 1e9;
        double matchCpu = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("index build: %.2f s (%,d package keys)%n", build, index.packages());
        System.out.printf("matching %,d installed packages against %,d advisories: %.2f s (goal < 5 s), "
                + "%.2f s CPU of the matching thread, index + match %.2f s; %,d findings%n", (long) HOSTS * PACKAGES,
                ADVISORIES, match, matchCpu, build + match, matches);
        System.out.printf("load average while running: %.1f on %d cores (wall-clock figures suffer when it is "
                + "above the core count)%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());

        cpu0 = cpu.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        long naive = 0;
        for (int h = 0; h < BASELINE_HOSTS; h++) {
            for (InstalledPackage p : hosts.get(h)) {
                for (Advisory a : advisories) {
                    for (AffectedPackage ap : a.affected()) {
                        if (ap.name().equals(p.name()) && ap.ecosystem().equals(p.ecosystem())) {
                            for (VersionRange vr : ap.ranges()) {
                                if (DebianVersion.compare(p.version(), vr.fixed()) < 0) {
                                    naive++;
                                }
                            }
                        }
                    }
                }
            }
        }
        double naiveSeconds = (System.nanoTime() - t0) / 1e9;
        double naiveCpu = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long check = 0;
        for (int h = 0; h < BASELINE_HOSTS; h++) {
            check += found.get(h).size();
        }
        System.out.printf("baseline: naive linear scan over all advisories per package, %d hosts in %.2f s (%.2f s CPU) "
                + "-> %.0f s extrapolated to %,d hosts (%.0fx slower); same findings: %s%n", BASELINE_HOSTS,
                naiveSeconds, naiveCpu, naiveSeconds * HOSTS / BASELINE_HOSTS, HOSTS,
                naiveSeconds * HOSTS / BASELINE_HOSTS / match,
                naive == check ? "yes" : "NO (" + naive + " vs " + check + ")");

        persist(work, repo, found);
    }

    private static void persist(Path work, Path repo, List<List<AdvisoryIndex.Match>> found) throws Exception {
        String url = "jdbc:derby:" + work.resolve("db") + ";create=true";
        Path migrations = repo.resolve("bundles/org.opsbench.security.ops/migrations");
        try (Connection c = DriverManager.getConnection(url)) {
            try (var files = Files.list(migrations); Statement s = c.createStatement()) {
                for (Path f : files.sorted().toList()) {
                    for (String sql : Files.readString(f).replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long rows = 0;
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SECOPS_FINDING (HOST, CI_ID, PACKAGE, "
                    + "INSTALLED, FIXED_VERSION, ADVISORY_ID, ALIASES, RISK, SCORE, FIRST_SEEN, LAST_SEEN, STATUS, "
                    + "ACCEPTED_REASON, ACCEPTED_BY) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int h = 0; h < Math.min(PERSIST_HOSTS, found.size()); h++) {
                    for (AdvisoryIndex.Match m : found.get(h)) {
                        ps.setString(1, "host-" + h);
                        ps.setString(2, "");
                        ps.setString(3, m.packageName());
                        ps.setString(4, m.installed());
                        ps.setString(5, m.fixed());
                        ps.setString(6, m.advisoryId());
                        ps.setString(7, String.join(" ", m.aliases()));
                        ps.setString(8, m.risk().name());
                        ps.setDouble(9, m.score());
                        ps.setLong(10, now);
                        ps.setLong(11, now);
                        ps.setString(12, "OPEN");
                        ps.setString(13, "");
                        ps.setString(14, "");
                        ps.addBatch();
                        if (++rows % 5000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            int hosts = Math.min(PERSIST_HOSTS, found.size());
            System.out.printf("persisting the findings of %d hosts (%,d rows, JDBC batches, one transaction, Derby): "
                    + "%.2f s (%,.0f rows/s) -> %.0f s extrapolated to %,d hosts (no goal set)%n", hosts, rows,
                    seconds, rows / seconds, seconds * found.size() / hosts, found.size());
        }
    }
}
