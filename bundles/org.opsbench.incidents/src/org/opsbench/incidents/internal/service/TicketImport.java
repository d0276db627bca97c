package org.opsbench.incidents.internal.service;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.ImportResult;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.sla.SlaClock;
import org.opsbench.incidents.internal.store.TicketRow;
import org.opsbench.incidents.internal.store.TicketStore;

/**
 * The CSV import: one pass, one transaction. Every line is validated; rows go to the database in JDBC batches while no
 * line was wrong; at the end any error rolls the whole transaction back (reference counters included), so nothing of a
 * file with a bad line is kept.
 */
public final class TicketImport {

    /** The columns the import reads; {@code title}, {@code impact} and {@code urgency} are required. */
    public static final List<String> COLUMNS = List.of("kind", "title", "description", "caller", "category", "impact",
            "urgency", "group", "assignee", "cis");
    /** Columns of the export that the import skips. */
    public static final Set<String> READ_ONLY = Set.of("reference", "state", "priority", "created", "resolution_due",
            "sla");

    private static final int BATCH = 1000;
    private static final int MAX_ERRORS = 100;

    private final TicketStore store;
    private final PriorityMatrix matrix;
    private final List<SlaPolicy> policies;
    private final BusinessTime time;
    private final ConfigurationItems cmdb;
    private final List<AssignmentGroup> groups;
    private final Map<String, TicketRow> deadlines = new HashMap<>();

    /** With the configuration of now: the CMDB may be {@code null} (ids are then kept as given). */
    public TicketImport(TicketStore store, PriorityMatrix matrix, List<SlaPolicy> policies, BusinessTime time,
            ConfigurationItems cmdb, List<AssignmentGroup> groups) {
        this.store = store;
        this.matrix = matrix;
        this.policies = policies;
        this.time = time;
        this.cmdb = cmdb;
        this.groups = groups;
    }

    /** Thrown inside the transaction to roll it back. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super(null, null, false, false);
        }
    }

    /** Imports {@code csv}, logged by {@code reporter} at {@code now}. */
    public ImportResult run(Reader csv, String reporter, Instant now) throws IOException {
        List<String> errors = new ArrayList<>();
        Map<TicketKind, long[]> ranges = new EnumMap<>(TicketKind.class);
        int[] count = new int[1];
        IOException[] io = new IOException[1];
        try {
            store.inTransaction(c -> {
                try {
                    importAll(c, new Csv(csv), reporter, now, errors, ranges, count);
                } catch (IOException e) {
                    io[0] = e;
                    throw new Rejected();
                }
                if (!errors.isEmpty()) {
                    throw new Rejected();
                }
                return null;
            });
        } catch (Rejected e) {
            if (io[0] != null) {
                String m = io[0].getMessage();
                if (m != null && m.startsWith("line ")) {
                    errors.add(m);
                    return new ImportResult(0, List.of(), errors);
                }
                throw io[0];
            }
            return new ImportResult(0, List.of(), errors);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        List<String> refs = new ArrayList<>();
        ranges.forEach((kind, r) -> refs.add(kind.reference(r[0]) + ".." + kind.reference(r[1])));
        return new ImportResult(count[0], refs, List.of());
    }

    private void importAll(Connection c, Csv in, String reporter, Instant now, List<String> errors,
            Map<TicketKind, long[]> ranges, int[] count) throws IOException, SQLException {
        Csv.Record header = in.next();
        if (header == null) {
            errors.add("line 1: the file is empty; the first line names the columns " + COLUMNS);
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name) && !READ_ONLY.contains(name)) {
                errors.add("line 1: unknown column '" + name + "'; known: " + COLUMNS);
            } else if (index.put(name, i) != null) {
                errors.add("line 1: column '" + name + "' appears twice");
            }
        }
        for (String required : List.of("title", "impact", "urgency")) {
            if (!index.containsKey(required)) {
                errors.add("line 1: the column '" + required + "' is required");
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        Map<TicketKind, long[]> numbers = new EnumMap<>(TicketKind.class);
        // one table lock instead of a row lock per imported row (released at commit or rollback)
        try (java.sql.Statement lock = c.createStatement()) {
            lock.execute("LOCK TABLE INC_TICKET IN EXCLUSIVE MODE");
        }
        // no generated keys: the import needs no ids back
        try (PreparedStatement insert = TicketStore.prepareInsertBatch(c)) {
            int pending = 0;
            for (Csv.Record r = in.next(); r != null; r = in.next()) {
                TicketRow t;
                try {
                    t = row(r, index, reporter, now);
                } catch (InvalidTicketException e) {
                    errors.add("line " + r.line() + ": " + e.getMessage());
                    if (errors.size() >= MAX_ERRORS) {
                        errors.add("... stopped after " + MAX_ERRORS + " errors");
                        return;
                    }
                    continue;
                }
                if (!errors.isEmpty()) {
                    continue; // validate the rest, write nothing more
                }
                long[] block = numbers.get(t.kind);
                if (block == null || block[0] > block[1]) {
                    long first = TicketStore.reserve(c, t.kind.prefix(), BATCH);
                    block = new long[]{first, first + BATCH - 1};
                    numbers.put(t.kind, block);
                }
                long n = block[0]++;
                t.reference = t.kind.reference(n);
                long[] range = ranges.computeIfAbsent(t.kind, k -> new long[]{n, n});
                range[1] = n;
                TicketStore.bindInsert(insert, t);
                insert.addBatch();
                count[0]++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0 && errors.isEmpty()) {
                insert.executeBatch();
            }
        }
        if (count[0] == 0 && errors.isEmpty()) {
            errors.add("line 2: no tickets after the header");
        }
        // give back unused reserved numbers so references stay without gaps
        for (Map.Entry<TicketKind, long[]> e : numbers.entrySet()) {
            long unused = e.getValue()[1] - e.getValue()[0] + 1;
            if (unused > 0) {
                try (PreparedStatement back = c.prepareStatement(
                        "UPDATE INC_COUNTER SET LAST_VALUE = LAST_VALUE - ? WHERE PREFIX = ?")) {
                    back.setLong(1, unused);
                    back.setString(2, e.getKey().prefix());
                    back.executeUpdate();
                }
            }
        }
    }

    private TicketRow row(Csv.Record r, Map<String, Integer> index, String reporter, Instant now) {
        String kindText = field(r, index, "kind");
        TicketKind kind;
        if (kindText.isEmpty()) {
            kind = TicketKind.INCIDENT;
        } else {
            try {
                kind = TicketKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidTicketException("kind", "INCIDENT or REQUEST, was '" + kindText + "'");
            }
        }
        List<String> cis = field(r, index, "cis").isEmpty()
                ? List.of()
                : List.of(field(r, index, "cis").split(";"));
        TicketDraft d = new TicketDraft(kind, field(r, index, "title"), field(r, index, "description"),
                field(r, index, "caller"), field(r, index, "category"), cis, level(r, index, "impact"),
                level(r, index, "urgency"), field(r, index, "group"), field(r, index, "assignee"));
        TicketRow t = new TicketRow();
        Validation.fields(t, d, matrix, Validation.cis(d.ciIds(), cmdb));
        t.group = Validation.group(d.group(), groups);
        t.assignee = Validation.optional("assignee", d.assignee(), 100);
        t.reporter = reporter;
        t.created = now.toEpochMilli();
        t.updated = t.created;
        if (t.assignee != null || t.group != null) {
            t.state = TicketState.ASSIGNED;
            t.responded = t.created;
            t.assignments = t.assignee == null ? 0 : 1;
        }
        java.util.Optional<SlaPolicy> policy = SlaClock.select(policies, t.priority, t.category);
        // every row is logged at the same instant: the deadlines of one policy are the same for all of them
        TicketRow due = deadlines.computeIfAbsent(policy.map(SlaPolicy::name).orElse(""), k -> {
            TicketRow first = new TicketRow();
            first.created = t.created;
            SlaClock.apply(first, policy, time);
            return first;
        });
        t.slaPolicy = due.slaPolicy;
        t.responseTargetMs = due.responseTargetMs;
        t.resolutionTargetMs = due.resolutionTargetMs;
        t.warnPercent = due.warnPercent;
        t.responseDue = due.responseDue;
        t.resolutionDue = due.resolutionDue;
        t.warnAt = due.warnAt;
        return t;
    }

    private static String field(Csv.Record r, Map<String, Integer> index, String name) {
        Integer i = index.get(name);
        return i == null || i >= r.fields().size() ? "" : r.fields().get(i).strip();
    }

    private static int level(Csv.Record r, Map<String, Integer> index, String name) {
        String v = field(r, index, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidTicketException(name, "a level number (1 = highest), was '" + v + "'");
        }
    }
}
