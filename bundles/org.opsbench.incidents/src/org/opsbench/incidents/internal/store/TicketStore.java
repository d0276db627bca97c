package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.core.Priority;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.persistence.Transactions;

/**
 * Tickets, worklog and attachments in plain JDBC on the shared data source: the queue pages and the bulk import are the
 * hot paths. Methods taking a {@link Connection} run inside the caller's transaction.
 */
public final class TicketStore {

    static final String COLUMNS = "ID, REFERENCE, KIND, TITLE, DESCRIPTION, REPORTER, CALLER, CATEGORY, CIS, IMPACT, "
            + "URGENCY, PRIORITY, GRP, ASSIGNEE, STATE, PENDING_REASON, RESOLUTION_CODE, RESOLUTION_NOTES, PROBLEM, "
            + "SOURCE, CREATED, UPDATED, RESPONDED, RESOLVED, ASSIGNMENTS, SLA_POLICY, RESPONSE_TARGET_MS, "
            + "RESOLUTION_TARGET_MS, WARN_PERCENT, PAUSED_MS, PAUSE_START, RESPONSE_DUE, RESOLUTION_DUE, WARN_AT, "
            + "WARNED, BREACHED, RESPONSE_BREACHED";

    /** The columns an insert writes (all but the generated {@code ID}), in the order of {@link #insertValues}. */
    static final String INSERT_COLUMNS = "REFERENCE, KIND, TITLE, TITLE_LC, DESCRIPTION, REPORTER, CALLER, CATEGORY, "
            + "CIS, IMPACT, URGENCY, PRIORITY, GRP, ASSIGNEE, STATE, PENDING_REASON, RESOLUTION_CODE, "
            + "RESOLUTION_NOTES, PROBLEM, SOURCE, CREATED, UPDATED, RESPONDED, RESOLVED, ASSIGNMENTS, SLA_POLICY, "
            + "RESPONSE_TARGET_MS, RESOLUTION_TARGET_MS, WARN_PERCENT, PAUSED_MS, PAUSE_START, RESPONSE_DUE, "
            + "RESOLUTION_DUE, WARN_AT, WARNED, BREACHED, RESPONSE_BREACHED";

    private static final String INSERT = "INSERT INTO INC_TICKET (" + INSERT_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?)";

    private static final String UPDATE = "UPDATE INC_TICKET SET KIND = ?, TITLE = ?, TITLE_LC = ?, DESCRIPTION = ?, "
            + "REPORTER = ?, CALLER = ?, CATEGORY = ?, CIS = ?, IMPACT = ?, URGENCY = ?, PRIORITY = ?, GRP = ?, "
            + "ASSIGNEE = ?, STATE = ?, PENDING_REASON = ?, RESOLUTION_CODE = ?, RESOLUTION_NOTES = ?, PROBLEM = ?, "
            + "SOURCE = ?, CREATED = ?, UPDATED = ?, RESPONDED = ?, RESOLVED = ?, ASSIGNMENTS = ?, SLA_POLICY = ?, "
            + "RESPONSE_TARGET_MS = ?, RESOLUTION_TARGET_MS = ?, WARN_PERCENT = ?, PAUSED_MS = ?, PAUSE_START = ?, "
            + "RESPONSE_DUE = ?, RESOLUTION_DUE = ?, WARN_AT = ?, WARNED = ?, BREACHED = ?, RESPONSE_BREACHED = ? "
            + "WHERE ID = ?";

    private final DataSource dataSource;

    /** On the shared data source. */
    public TicketStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The data source, for transactions spanning several calls. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Reserves {@code count} numbers of {@code prefix}; returns the first. */
    public static long reserve(Connection c, String prefix, int count) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE INC_COUNTER SET LAST_VALUE = LAST_VALUE + ? WHERE PREFIX = ?")) {
            up.setInt(1, count);
            up.setString(2, prefix);
            if (up.executeUpdate() != 1) {
                throw new SQLException("no counter " + prefix);
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT LAST_VALUE FROM INC_COUNTER WHERE PREFIX = ?")) {
            q.setString(1, prefix);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /**
     * Locks the counters of {@code prefixes} until the end of the caller's transaction and returns their last values
     * (in the order given): a bulk import numbers its rows itself and writes the last numbers back with
     * {@link #setCounter}. Take these locks before the lock of {@code INC_TICKET}, as a single insert does.
     */
    public static long[] lockCounters(Connection c, String... prefixes) throws SQLException {
        long[] last = new long[prefixes.length];
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE INC_COUNTER SET LAST_VALUE = LAST_VALUE WHERE PREFIX = ?");
                PreparedStatement q = c.prepareStatement("SELECT LAST_VALUE FROM INC_COUNTER WHERE PREFIX = ?")) {
            for (int i = 0; i < prefixes.length; i++) {
                up.setString(1, prefixes[i]);
                if (up.executeUpdate() != 1) {
                    throw new SQLException("no counter " + prefixes[i]);
                }
                q.setString(1, prefixes[i]);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    last[i] = rs.getLong(1);
                }
            }
        }
        return last;
    }

    /** Sets the last value of the counter {@code prefix} (locked with {@link #lockCounters}). */
    public static void setCounter(Connection c, String prefix, long last) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE INC_COUNTER SET LAST_VALUE = ? WHERE PREFIX = ?")) {
            up.setLong(1, last);
            up.setString(2, prefix);
            up.executeUpdate();
        }
    }

    /** A statement for {@link #bindInsert} without generated keys, to batch many rows. */
    public static PreparedStatement prepareInsertBatch(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    /** A statement for {@link #bindInsert}; batch it for many rows. */
    public static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT, idColumn(c));
    }

    /**
     * The generated-key column {@code ID} spelled as the database stores unquoted names: PostgreSQL's driver quotes the
     * name it is given ({@code RETURNING "ID"}), and PostgreSQL folds unquoted names to lower case.
     */
    static String[] idColumn(Connection c) throws SQLException {
        return new String[]{c.getMetaData().storesLowerCaseIdentifiers() ? "id" : "ID"};
    }

    /** Binds {@code t} to an insert statement. */
    public static void bindInsert(PreparedStatement ps, TicketRow t) throws SQLException {
        ps.setString(1, t.reference);
        bindFields(ps, 2, t);
    }

    /** Inserts one ticket and sets its id. */
    public void insert(Connection c, TicketRow t) throws SQLException {
        try (PreparedStatement ps = prepareInsert(c)) {
            bindInsert(ps, t);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                t.id = keys.getLong(1);
            }
        }
    }

    /** Writes all columns of {@code t} (by id). */
    public void update(Connection c, TicketRow t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            int i = bindFields(ps, 1, t);
            ps.setLong(i, t.id);
            ps.executeUpdate();
        }
    }

    /** The SQL types of the columns after {@code REFERENCE} in {@link #INSERT}, for the nulls among them. */
    private static final int[] FIELD_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
            Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.BOOLEAN, Types.BOOLEAN, Types.BOOLEAN};

    /**
     * The values of the columns of {@link #INSERT} in its order ({@code REFERENCE} first): {@code String},
     * {@code Integer}, {@code Long} or {@code Boolean}, {@code null} for SQL NULL. The one mapping of a row to its
     * columns, for the JDBC statements and the bulk import's table function ({@link ImportRows}).
     */
    static Object[] insertValues(TicketRow t) {
        return new Object[]{t.reference, t.kind.name(), t.title, t.title.toLowerCase(), t.description, t.reporter,
                t.caller, t.category, Texts.cis(t.cis), t.impact, t.urgency, t.priority.ordinal() + 1, t.group,
                t.assignee, t.state.name(), t.pendingReason, t.resolutionCode, t.resolutionNotes, t.problem, t.source,
                t.created, t.updated, t.responded, t.resolved, t.assignments, t.slaPolicy, t.responseTargetMs,
                t.resolutionTargetMs, t.warnPercent, t.pausedMs, t.pauseStart, t.responseDue, t.resolutionDue,
                t.warnAt, t.warned, t.breached, t.responseBreached};
    }

    private static int bindFields(PreparedStatement ps, int i, TicketRow t) throws SQLException {
        Object[] values = insertValues(t);
        for (int k = 1; k < values.length; k++) {
            if (values[k] == null) {
                ps.setNull(i++, FIELD_TYPES[k - 1]);
            } else {
                ps.setObject(i++, values[k]);
            }
        }
        return i;
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    static TicketRow read(ResultSet rs) throws SQLException {
        TicketRow t = new TicketRow();
        int i = 1;
        t.id = rs.getLong(i++);
        t.reference = rs.getString(i++);
        t.kind = TicketKind.valueOf(rs.getString(i++));
        t.title = rs.getString(i++);
        t.description = rs.getString(i++);
        t.reporter = rs.getString(i++);
        t.caller = rs.getString(i++);
        t.category = rs.getString(i++);
        t.cis = Texts.cis(rs.getString(i++));
        t.impact = rs.getInt(i++);
        t.urgency = rs.getInt(i++);
        t.priority = Priority.values()[rs.getInt(i++) - 1];
        t.group = rs.getString(i++);
        t.assignee = rs.getString(i++);
        t.state = TicketState.valueOf(rs.getString(i++));
        t.pendingReason = rs.getString(i++);
        t.resolutionCode = rs.getString(i++);
        t.resolutionNotes = rs.getString(i++);
        t.problem = rs.getString(i++);
        t.source = rs.getString(i++);
        t.created = rs.getLong(i++);
        t.updated = rs.getLong(i++);
        t.responded = getLong(rs, i++);
        t.resolved = getLong(rs, i++);
        t.assignments = rs.getInt(i++);
        t.slaPolicy = rs.getString(i++);
        t.responseTargetMs = rs.getLong(i++);
        t.resolutionTargetMs = rs.getLong(i++);
        t.warnPercent = rs.getInt(i++);
        t.pausedMs = rs.getLong(i++);
        t.pauseStart = getLong(rs, i++);
        t.responseDue = getLong(rs, i++);
        t.resolutionDue = getLong(rs, i++);
        t.warnAt = getLong(rs, i++);
        t.warned = rs.getBoolean(i++);
        t.breached = rs.getBoolean(i++);
        t.responseBreached = rs.getBoolean(i++);
        return t;
    }

    /** The ticket, locked for update in the caller's transaction. */
    public Optional<TicketRow> lock(Connection c, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM INC_TICKET WHERE REFERENCE = ? FOR UPDATE")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The ticket. */
    public Optional<TicketRow> find(String reference) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM INC_TICKET WHERE REFERENCE = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The open ticket opened by {@code source}, in the caller's transaction. */
    public Optional<TicketRow> openBySource(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM INC_TICKET WHERE SOURCE = ? AND STATE IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING') "
                + "ORDER BY CREATED DESC")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** References of tickets linked to {@code problem}. */
    public List<String> ofProblem(String problem) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT REFERENCE FROM INC_TICKET WHERE PROBLEM = ? ORDER BY REFERENCE")) {
            ps.setString(1, problem);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Open tickets whose warning time, resolution deadline or response deadline has come and is not yet flagged. */
    public List<TicketRow> due(Instant now, int limit) throws SQLException {
        List<TicketRow> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        String open = " AND STATE IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";
        try (Connection c = dataSource.getConnection()) {
            // the deadline comes after the warning (1..99 %): INC_TICKET_WARN finds both
            for (String where : List.of("WARN_AT <= ? AND WARNED = FALSE",
                    "WARN_AT <= ? AND RESOLUTION_DUE <= ? AND BREACHED = FALSE",
                    "RESPONSE_DUE <= ? AND RESPONDED IS NULL AND RESPONSE_BREACHED = FALSE")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM INC_TICKET WHERE " + where + open)) {
                    ps.setLong(1, now.toEpochMilli());
                    if (where.contains("RESOLUTION_DUE")) {
                        ps.setLong(2, now.toEpochMilli());
                    }
                    ps.setMaxRows(limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            TicketRow t = read(rs);
                            if (seen.add(t.id)) {
                                out.add(t);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One queue page; {@code me} and {@code myGroups} resolve the scope. */
    public List<TicketRow> queue(QueueQuery q, String me, Collection<String> myGroups) throws SQLException {
        return QueueSql.page(dataSource, q, me, myGroups);
    }

    /** How many rows the query matches. */
    public long count(QueueQuery q, String me, Collection<String> myGroups) throws SQLException {
        return QueueSql.count(dataSource, q, me, myGroups);
    }

    /** Every row the query matches (offset and limit ignored), in its order, streamed to {@code sink}. */
    public long scan(QueueQuery q, String me, Collection<String> myGroups, RowSink sink) throws SQLException {
        return QueueSql.scan(dataSource, q, me, myGroups, sink);
    }

    /** Receives scanned rows. */
    @FunctionalInterface
    public interface RowSink {
        /** One row. */
        void accept(TicketRow row) throws SQLException;
    }

    /** Appends a worklog line in the caller's transaction. */
    public static void addWorklog(Connection c, long ticketId, WorklogEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO INC_WORKLOG (TICKET_ID, AT_MS, AUTHOR, KIND, TEXT, SPENT_MS) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ticketId);
            ps.setLong(2, e.at().toEpochMilli());
            ps.setString(3, e.author());
            ps.setString(4, e.kind().name());
            ps.setString(5, e.text().length() > 8000 ? e.text().substring(0, 8000) : e.text());
            ps.setLong(6, e.timeSpent().toMillis());
            ps.executeUpdate();
        }
    }

    /** The worklog of a ticket, oldest first. */
    public List<WorklogEntry> worklog(long ticketId) throws SQLException {
        List<WorklogEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT AT_MS, AUTHOR, KIND, TEXT, SPENT_MS FROM INC_WORKLOG "
                        + "WHERE TICKET_ID = ? ORDER BY AT_MS, ID")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WorklogEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            WorklogEntry.Kind.valueOf(rs.getString(3)), rs.getString(4),
                            Duration.ofMillis(rs.getLong(5))));
                }
            }
        }
        return out;
    }

    /** Runs {@code work} in one transaction. */
    public <T> T inTransaction(Transactions.SqlWork<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, work);
    }
}
