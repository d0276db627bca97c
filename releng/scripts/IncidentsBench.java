import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.core.Priority;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.ArticleHit;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.ImportResult;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.internal.kb.ArticleIndex;
import org.opsbench.incidents.internal.service.TicketImport;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.store.Codecs;
import org.opsbench.incidents.internal.store.ImportRows;
import org.opsbench.incidents.internal.store.TicketStore;

/**
 * Benchmark of the incidents area without OSGi, on the real code paths: the CSV import (TicketImport in one
 * transaction: on embedded Derby one INSERT ... SELECT from the table function INC_IMPORT_ROWS, bulk-loaded into the
 * empty table) of N tickets (default 1,000,000) into embedded Derby with the area's migrations, the queue page
 * (TicketStore.queue: state + priority filter, SLA deadline order, 50 rows), the SLA checker's plan, the
 * knowledge-base search (ArticleIndex on Lucene) over 10,000 articles, and an import of 100,000 more tickets into the
 * filled table (row by row). Each figure beside its goal and a baseline from the same run.
 */
public final class IncidentsBench {

    static final int TICKETS = Integer.getInteger("tickets", 1_000_000);
    static final int ARTICLES = Integer.getInteger("articles", 10_000);
    static final int ROUNDS = Integer.getInteger("rounds", 30);
    static final int WARMUP = Integer.getInteger("warmup", 50);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path root = Path.of(args[1]);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(work.resolve("db").toString());
        ds.setCreateDatabase("create");
        migrate(ds, root.resolve("bundles/org.opsbench.incidents/migrations"));
        TicketStore store = new TicketStore(ds);
        System.out.printf("incidents bench: %,d tickets, %,d articles, Derby embedded in %s%n", TICKETS, ARTICLES,
                work);

        // 1) bulk import: the real CSV import, one transaction
        TicketImport importer = new TicketImport(store, PriorityMatrix.itil3(), Codecs.defaultPolicies(),
                new BusinessTime(BusinessCalendar.officeHours(ZoneId.of("UTC"))), null, List.of());
        long t0 = System.nanoTime();
        ImportResult r = importer.run(new GeneratedCsv(TICKETS, 1), "bench", Instant.now());
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        if (!r.succeeded()) {
            throw new IllegalStateException("import failed: " + r.errors());
        }
        int baselineRows = Math.min(TICKETS, Integer.getInteger("baselineRows", 50_000));
        double baselineSeconds = singleRowInserts(ds, baselineRows) * ((double) TICKETS / baselineRows);
        System.out.printf("bulk import of %,d tickets: %.1f s (goal < 60 s)   baseline: one INSERT per row, no "
                + "batching: %.1f s (extrapolated from %,d rows)%n", r.imported(), importSeconds, baselineSeconds,
                baselineRows);

        // spread the imported tickets over states and ages, as a desk's history would (setup, not measured)
        long s0 = System.nanoTime();
        spread(ds);
        System.out.printf("  (setup: states and ages spread over the tickets in %.1f s)%n",
                (System.nanoTime() - s0) / 1e9);

        // 2) queue page
        QueueQuery page = new QueueQuery(QueueQuery.Scope.ALL, Set.of(TicketState.NEW), Set.of(Priority.P3), "",
                QueueQuery.Sort.SLA_DEADLINE, true, 0, 50);
        long matching = store.count(page, "bench", List.of());
        double indexed = median(() -> {
            if (store.queue(page, "bench", List.of()).size() != 50) {
                throw new IllegalStateException("not a full page");
            }
        });
        double scan = median(() -> scanQueue(ds));
        System.out.printf("queue page (state NEW, P3, by SLA deadline, 50 of %,d rows): %.2f ms median (goal < 50 ms)"
                + "   baseline: same query without the index (table scan + sort): %.1f ms%n", matching, indexed, scan);
        // the diagnosis: the page as one SQL statement left to the optimizer (as before), with its plan
        String one = "SELECT " + COLUMNS + " FROM INC_TICKET WHERE STATE = ? AND PRIORITY = ? ORDER BY "
                + "RESOLUTION_DUE ASC, ID ASC OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY";
        double plain = median(() -> page(ds, one, false, "NEW", 3));
        System.out.printf("  the same page as one SQL statement left to the optimizer: %.2f ms median; its plan: %s%n",
                plain, plan(ds, one, "NEW", 3));
        // with statistics recomputed (the import left them describing a table of New tickets only)
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long u0 = System.nanoTime();
            st.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'INC_TICKET', NULL)");
            System.out.printf("  statistics updated in %.1f s%n", (System.nanoTime() - u0) / 1e9);
        }
        double fresh = median(() -> page(ds, one, false, "NEW", 3));
        System.out.printf("  the one statement after SYSCS_UPDATE_STATISTICS: %.2f ms median; its plan: %s%n", fresh,
                plan(ds, one, "NEW", 3));
        // the queue view's default: every open state, any priority
        QueueQuery open = QueueQuery.open();
        double merged = median(() -> store.queue(open, "bench", List.of()));
        String in = "SELECT " + COLUMNS + " FROM INC_TICKET WHERE STATE IN ('ASSIGNED', 'IN_PROGRESS', 'NEW', "
                + "'PENDING') ORDER BY RESOLUTION_DUE ASC, ID ASC OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY";
        double inList = median(() -> page(ds, in, false));
        System.out.printf("queue page of all open tickets (4 states, any priority, by SLA deadline, 50 of %,d rows): "
                + "%.2f ms median   baseline: one SQL statement with an IN list: %.1f ms; its plan: %s%n",
                store.count(open, "bench", List.of()), merged, inList, plan(ds, in));

        // the SLA checker's query (TicketStore.due): it must keep finding due tickets through INC_TICKET_WARN
        String due = "SELECT " + COLUMNS + " FROM INC_TICKET WHERE WARN_AT <= ? AND WARNED = FALSE AND STATE IN "
                + "('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";
        System.out.printf("SLA checker query (warnings due now, first 100): its plan: %s%n",
                planRows(ds, due, 100, System.currentTimeMillis()));

        // 3) knowledge-base search
        List<Article> articles = articles(ARTICLES);
        try (ArticleIndex index = new ArticleIndex(work.resolve("kb-index"))) {
            long k0 = System.nanoTime();
            index.rebuild(articles);
            double build = (System.nanoTime() - k0) / 1e9;
            storeArticles(ds, articles);
            String[] queries = queries(ROUNDS * 4);
            int[] q = {0};
            double lucene = median(() -> {
                List<ArticleHit> hits = index.search(queries[q[0]++ % queries.length], 10, false);
                if (hits.isEmpty()) {
                    throw new IllegalStateException("no hits");
                }
            });
            q[0] = 0;
            double like = median(() -> likeSearch(ds, queries[q[0]++ % queries.length]));
            System.out.printf("KB search over %,d articles (ranked, 10 hits): %.2f ms median (goal < 20 ms)   "
                    + "baseline: LIKE scan of title and body in Derby (all matches, unranked): %.1f ms   (index built in %.1f s)%n", ARTICLES,
                    lucene, like, build);
        }

        // 4) the import into a table that holds tickets: Derby bulk-loads only into an empty table, so this one goes
        // row by row through the same statement (every B-tree updated per row)
        int more = Math.min(TICKETS, Integer.getInteger("moreTickets", 100_000));
        long m0 = System.nanoTime();
        ImportResult again = importer.run(new GeneratedCsv(more, 2), "bench", Instant.now());
        double moreSeconds = (System.nanoTime() - m0) / 1e9;
        if (!again.succeeded()) {
            throw new IllegalStateException("import failed: " + again.errors());
        }
        System.out.printf("import of %,d more tickets into the table of %,d (row by row, not bulk): %.1f s (%.1f s per "
                + "million)%n", again.imported(), TICKETS, moreSeconds, moreSeconds * 1_000_000 / more);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Median milliseconds of {@link #ROUNDS} runs after {@link #WARMUP} warm-up runs (JIT). */
    static double median(Work w) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            w.run();
        }
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            w.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }

    static void migrate(EmbeddedDataSource ds, Path folder) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, "INC_TICKET", null)) {
                if (rs.next()) {
                    return;
                }
            }
            List<Path> files;
            try (var list = Files.list(folder)) {
                files = list.sorted().toList();
            }
            for (Path f : files) {
                StringBuilder sql = new StringBuilder();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.startsWith("--") || l.isEmpty()) {
                        continue;
                    }
                    sql.append(line).append('\n');
                    if (l.endsWith(";")) {
                        s.execute(sql.substring(0, sql.lastIndexOf(";")));
                        sql.setLength(0);
                    }
                }
            }
            // the area's Java step V5 (Schema): the table function of the bulk import
            ImportRows.createFunction(c);
        }
    }

    /** CSV lines generated on the fly: title, impact, urgency, category, caller, description. */
    static final class GeneratedCsv extends Reader {
        private final int rows;
        private final Random random;
        private int row = -1;
        private String line = "title,impact,urgency,category,caller,description\n";
        private int pos;

        GeneratedCsv(int rows, long seed) {
            this.rows = rows;
            this.random = new Random(seed);
        }

        private boolean nextLine() {
            if (++row >= rows) {
                return false;
            }
            line = "Service " + (row % 997) + " slow for users in building " + (row % 31) + "," + (1 + random.nextInt(
                    3)) + "," + (1 + random.nextInt(3)) + "," + CATEGORIES[row % CATEGORIES.length] + ",user"
                    + (row % 5000) + "@example.org,Reported by phone; ticket " + row + "\n";
            pos = 0;
            return true;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int n = 0;
            while (n < len) {
                if (pos == line.length() && !nextLine()) {
                    return n == 0 ? -1 : n;
                }
                int k = Math.min(len - n, line.length() - pos);
                line.getChars(pos, pos + k, buf, off + n);
                pos += k;
                n += k;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    static final String[] CATEGORIES = {"network", "printing", "mail", "access", "hardware", "software"};

    /** Seconds to insert {@code n} rows one INSERT each (no batch) in one transaction, then rolled back. */
    static double singleRowInserts(EmbeddedDataSource ds, int n) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO INC_TICKET (REFERENCE, KIND, TITLE, TITLE_LC, "
                    + "DESCRIPTION, REPORTER, CALLER, CATEGORY, CIS, IMPACT, URGENCY, PRIORITY, STATE, CREATED, "
                    + "UPDATED, ASSIGNMENTS, RESPONSE_TARGET_MS, RESOLUTION_TARGET_MS, WARN_PERCENT, PAUSED_MS, "
                    + "WARNED, BREACHED, RESPONSE_BREACHED, RESOLUTION_DUE) VALUES (?, 'INCIDENT', ?, ?, '', 'bench', "
                    + "'', 'network', '', 2, 2, 3, 'NEW', 0, 0, 0, 0, 0, 80, 0, FALSE, FALSE, FALSE, ?)")) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "BASE-" + i);
                    ps.setString(2, "baseline " + i);
                    ps.setString(3, "baseline " + i);
                    ps.setLong(4, i);
                    ps.executeUpdate();
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            c.rollback();
            return seconds;
        }
    }

    static void spread(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // 70 % closed, 10 % resolved, 8 % new, 5 % assigned, 5 % in progress, 2 % pending; ages up to 30 days
            s.executeUpdate("UPDATE INC_TICKET SET STATE = CASE WHEN MOD(ID, 100) < 70 THEN 'CLOSED' "
                    + "WHEN MOD(ID, 100) < 80 THEN 'RESOLVED' WHEN MOD(ID, 100) < 88 THEN 'NEW' "
                    + "WHEN MOD(ID, 100) < 93 THEN 'ASSIGNED' WHEN MOD(ID, 100) < 98 THEN 'IN_PROGRESS' "
                    + "ELSE 'PENDING' END, CREATED = CREATED - MOD(ID * 7919, 2592000000), "
                    + "RESOLUTION_DUE = RESOLUTION_DUE - MOD(ID * 7919, 2592000000)");
            c.commit();
            // the update left a million deleted index entries for Derby's background purge: purge them now, so that
            // the measured queries do not compete with it (a desk's table gets there by itself over time)
            s.execute("CALL SYSCS_UTIL.SYSCS_INPLACE_COMPRESS_TABLE('APP', 'INC_TICKET', 1, 0, 0)");
            c.commit();
        }
    }

    static final String COLUMNS = "ID, REFERENCE, KIND, TITLE, DESCRIPTION, REPORTER, CALLER, CATEGORY, CIS, IMPACT, "
            + "URGENCY, PRIORITY, GRP, ASSIGNEE, STATE, PENDING_REASON, RESOLUTION_CODE, RESOLUTION_NOTES, PROBLEM, "
            + "SOURCE, CREATED, UPDATED, RESPONDED, RESOLVED, ASSIGNMENTS, SLA_POLICY, RESPONSE_TARGET_MS, "
            + "RESOLUTION_TARGET_MS, WARN_PERCENT, PAUSED_MS, PAUSE_START, RESPONSE_DUE, RESOLUTION_DUE, WARN_AT, "
            + "WARNED, BREACHED, RESPONSE_BREACHED";

    /** Runs {@code sql} with {@code args} (a string, then an int), reading every column of the page. */
    static int page(EmbeddedDataSource ds, String sql, boolean unused, Object... args) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return page(c, sql, args);
        }
    }

    static int page(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= cols; k++) {
                        rs.getObject(k);
                    }
                    n++;
                }
            }
            if (n != 50) {
                throw new IllegalStateException("page has " + n + " rows");
            }
            return n;
        }
    }

    /** The access path, sort and rows seen of {@code sql}, from Derby's runtime statistics. */
    static String plan(EmbeddedDataSource ds, String sql, Object... args) throws SQLException {
        return planRows(ds, sql, -1, args);
    }

    /** The plan of {@code sql} reading at most {@code maxRows} rows, or a page of 50 when {@code maxRows} is -1. */
    static String planRows(EmbeddedDataSource ds, String sql, int maxRows, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            if (maxRows < 0) {
                page(c, sql, args);
            } else {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    ps.setMaxRows(maxRows);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            }
            String text;
            try (ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rs.next();
                text = rs.getString(1);
            }
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
            List<String> keep = new ArrayList<>();
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.contains("Scan ResultSet") || l.startsWith("Sort ResultSet") || l.startsWith("Rows seen")
                        || l.startsWith("Rows input") || l.startsWith("Number of rows qualified")
                        || l.startsWith("Number of rows visited") || l.startsWith("Number of deleted rows visited")) {
                    keep.add(l.replace("Scan ResultSet for INC_TICKET", "scan of INC_TICKET"));
                }
            }
            return String.join("; ", keep);
        }
    }

    /** The queue page's query with Derby told to use no index. */
    static void scanQueue(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT ID, REFERENCE, "
                + "TITLE, PRIORITY, STATE, RESOLUTION_DUE FROM INC_TICKET --DERBY-PROPERTIES index=NULL\n"
                + "WHERE STATE = ? AND PRIORITY = ? ORDER BY RESOLUTION_DUE ASC, ID ASC "
                + "OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY")) {
            ps.setString(1, "NEW");
            ps.setInt(2, 3);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            if (n != 50) {
                throw new IllegalStateException("baseline page has " + n + " rows");
            }
        }
    }

    static final String[] WORDS = words();

    static String[] words() {
        String[] base = {"printer", "spooler", "vpn", "password", "mailbox", "quota", "disk", "backup", "restore",
                "certificate", "proxy", "dns", "dhcp", "wifi", "laptop", "monitor", "keyboard", "license", "database",
                "timeout", "replication", "cluster", "kernel", "firewall", "router", "switch", "latency", "outage",
                "login", "token", "sso", "ldap", "share", "permission", "driver", "update", "patch", "rollback",
                "memory", "cpu"};
        List<String> all = new ArrayList<>(List.of(base));
        for (int i = 0; all.size() < 2000; i++) {
            all.add(base[i % base.length] + (i / base.length));
        }
        return all.toArray(String[]::new);
    }

    static List<Article> articles(int n) {
        Random random = new Random(7);
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder("# Symptoms\n\n");
            for (int w = 0; w < 120; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ".\n" : " ");
            }
            body.append("\n\n## Fix\n\n1. restart the service\n2. check the logs\n");
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                    + " problem " + i;
            out.add(new Article(String.format("KB-%06d", i + 1), title, body.toString(),
                    List.of(WORDS[random.nextInt(40)]), List.of(), "bench", Instant.now()));
        }
        return out;
    }

    static String[] queries(int n) {
        Random random = new Random(11);
        String[] q = new String[n];
        for (int i = 0; i < n; i++) {
            q[i] = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(40)];
        }
        return q;
    }

    static void storeArticles(EmbeddedDataSource ds, List<Article> articles) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO INC_ARTICLE "
                + "(REFERENCE, TITLE, BODY, TAGS, CIS, AUTHOR, UPDATED) VALUES (?, ?, ?, ?, '', 'bench', 0)")) {
            c.setAutoCommit(false);
            for (Article a : articles) {
                ps.setString(1, a.reference());
                ps.setString(2, a.title());
                ps.setString(3, a.body());
                ps.setString(4, String.join(",", a.tags()));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /**
     * Articles whose title or body contains either word, case-insensitive: every matching row is read, since ranking
     * needs them all (and LIKE gives no score).
     */
    static void likeSearch(EmbeddedDataSource ds, String query) throws SQLException {
        String[] w = query.split(" ");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT REFERENCE, TITLE "
                + "FROM INC_ARTICLE WHERE LOWER(TITLE) LIKE ? OR LOWER(BODY) LIKE ? OR LOWER(TITLE) LIKE ? OR "
                + "LOWER(BODY) LIKE ?")) {
            ps.setString(1, "%" + w[0] + "%");
            ps.setString(2, "%" + w[0] + "%");
            ps.setString(3, "%" + w[1] + "%");
            ps.setString(4, "%" + w[1] + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }
}
