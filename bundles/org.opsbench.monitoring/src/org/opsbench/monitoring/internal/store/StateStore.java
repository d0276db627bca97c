package org.opsbench.monitoring.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Monitoring.Availability;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.internal.engine.SavedState;
import org.opsbench.persistence.Transactions;

/**
 * The runtime tables through JDBC batches: current states ({@code MON_STATE}), state history and the alert log. The
 * engine produces many small writes; they are written together, one transaction per batch.
 */
public final class StateStore {

    private static final int TEXT = 2000;

    private final DataSource dataSource;

    /** On the shared database. */
    public StateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every saved state. */
    public List<SavedState> loadStates() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT HOST, CHECK_NAME, STATE, STATE_TYPE, ATTEMPT,"
                        + " HARD_STATE, SUMMARY, LAST_CHECK, LAST_CHANGE, RECENT, FLAPPING, PROBLEM_ALERTED,"
                        + " PROBLEM_SINCE, PROBLEM_NOTIFIED, ESCALATED, LAST_NOTIFIED, ACK_AUTHOR, ACK_COMMENT, ACK_TIME,"
                        + " HELD_BACK, NOTIFIED_SINCE FROM MON_STATE");
                ResultSet rs = ps.executeQuery()) {
            List<SavedState> out = new ArrayList<>();
            while (rs.next()) {
                String check = rs.getString(2);
                CheckKey key = check.isEmpty() ? CheckKey.host(rs.getString(1)) : new CheckKey(rs.getString(1), check);
                String ackAuthor = rs.getString(17);
                Acknowledgement ack = ackAuthor == null
                        ? null
                        : new Acknowledgement(ackAuthor, rs.getString(18), Instant.ofEpochMilli(rs.getLong(19)));
                out.add(new SavedState(key, rs.getString(3), StateType.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getString(6), rs.getString(7), instant(rs.getLong(8)), instant(rs.getLong(9)),
                        rs.getString(10), rs.getBoolean(11), rs.getBoolean(12), instant(rs.getLong(13)),
                        rs.getBoolean(14), rs.getBoolean(15), instant(rs.getLong(16)), ack, rs.getBoolean(20),
                        instant(rs.getLong(21))));
            }
            return out;
        }
    }

    /** Writes states, history and finished alerts in one transaction. */
    public void write(Collection<SavedState> states, List<StateHistoryEntry> history, List<AlertRecord> alerts)
            throws SQLException {
        if (states.isEmpty() && history.isEmpty() && alerts.isEmpty()) {
            return;
        }
        Transactions.inTransaction(dataSource, c -> {
            writeStates(c, states);
            writeHistory(c, history);
            writeAlerts(c, alerts);
            return null;
        });
    }

    private static void writeStates(Connection c, Collection<SavedState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        List<SavedState> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE MON_STATE SET STATE = ?, STATE_TYPE = ?, ATTEMPT = ?,"
                + " HARD_STATE = ?, SUMMARY = ?, LAST_CHECK = ?, LAST_CHANGE = ?, RECENT = ?, FLAPPING = ?,"
                + " PROBLEM_ALERTED = ?, PROBLEM_SINCE = ?, PROBLEM_NOTIFIED = ?, ESCALATED = ?, LAST_NOTIFIED = ?,"
                + " ACK_AUTHOR = ?, ACK_COMMENT = ?, ACK_TIME = ?, HELD_BACK = ?, NOTIFIED_SINCE = ?"
                + " WHERE HOST = ? AND CHECK_NAME = ?")) {
            List<SavedState> order = new ArrayList<>(states);
            for (SavedState s : order) {
                int i = bind(ps, s, 1);
                ps.setString(i++, s.key().host());
                ps.setString(i, checkName(s.key()));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(order.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MON_STATE (STATE, STATE_TYPE, ATTEMPT, HARD_STATE,"
                + " SUMMARY, LAST_CHECK, LAST_CHANGE, RECENT, FLAPPING, PROBLEM_ALERTED, PROBLEM_SINCE,"
                + " PROBLEM_NOTIFIED, ESCALATED, LAST_NOTIFIED, ACK_AUTHOR, ACK_COMMENT, ACK_TIME, HELD_BACK,"
                + " NOTIFIED_SINCE, HOST, CHECK_NAME) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")) {
            for (SavedState s : missing) {
                int i = bind(ps, s, 1);
                ps.setString(i++, s.key().host());
                ps.setString(i, checkName(s.key()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bind(PreparedStatement ps, SavedState s, int start) throws SQLException {
        int i = start;
        ps.setString(i++, s.state());
        ps.setString(i++, s.type().name());
        ps.setInt(i++, s.attempt());
        ps.setString(i++, s.hardState());
        ps.setString(i++, clip(s.output()));
        ps.setLong(i++, millis(s.lastCheck()));
        ps.setLong(i++, millis(s.lastChange()));
        ps.setString(i++, s.recent());
        ps.setBoolean(i++, s.flapping());
        ps.setBoolean(i++, s.problemAlerted());
        ps.setLong(i++, millis(s.problemSince()));
        ps.setBoolean(i++, s.problemNotified());
        ps.setBoolean(i++, s.escalated());
        ps.setLong(i++, millis(s.lastNotified()));
        Acknowledgement ack = s.acknowledgement();
        ps.setString(i++, ack == null ? null : ack.author());
        ps.setString(i++, ack == null ? null : clip(ack.comment()));
        if (ack == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, ack.time().toEpochMilli());
        }
        ps.setBoolean(i++, s.heldBack());
        ps.setLong(i++, millis(s.notifiedSince()));
        return i;
    }

    private static void writeHistory(Connection c, List<StateHistoryEntry> history) throws SQLException {
        if (history.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MON_HISTORY (HOST, CHECK_NAME, TIME_MILLIS,"
                + " OLD_STATE, NEW_STATE, STATE_TYPE, SUMMARY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (StateHistoryEntry h : history) {
                ps.setString(1, h.key().host());
                ps.setString(2, checkName(h.key()));
                ps.setLong(3, h.time().toEpochMilli());
                ps.setString(4, h.oldState());
                ps.setString(5, h.newState());
                ps.setString(6, h.stateType().name());
                ps.setString(7, clip(h.output()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeAlerts(Connection c, List<AlertRecord> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MON_ALERT (TIME_MILLIS, HOST, CHECK_NAME, STATE,"
                + " KIND, RULE_NAME, NOTIFIER, OUTCOME, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AlertRecord a : alerts) {
                ps.setLong(1, a.time().toEpochMilli());
                ps.setString(2, a.key().host());
                ps.setString(3, checkName(a.key()));
                ps.setString(4, a.state());
                ps.setString(5, a.kind().name());
                ps.setString(6, a.rule());
                ps.setString(7, a.notifier());
                ps.setString(8, a.outcome().name());
                ps.setString(9, clip(a.detail()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** History of {@code key} in {@code [from, to)}, newest first. */
    public List<StateHistoryEntry> history(CheckKey key, Instant from, Instant to, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT TIME_MILLIS, OLD_STATE, NEW_STATE, STATE_TYPE,"
                        + " SUMMARY FROM MON_HISTORY WHERE HOST = ? AND CHECK_NAME = ? AND TIME_MILLIS >= ?"
                        + " AND TIME_MILLIS < ? ORDER BY TIME_MILLIS DESC, ID DESC")) {
            ps.setString(1, key.host());
            ps.setString(2, checkName(key));
            ps.setLong(3, from.toEpochMilli());
            ps.setLong(4, to.toEpochMilli());
            ps.setMaxRows(limit <= 0 ? 0 : limit);
            List<StateHistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StateHistoryEntry(key, Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            rs.getString(3), StateType.valueOf(rs.getString(4)), rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** The alert log in {@code [from, to)}, newest first. */
    public List<AlertRecord> alerts(Instant from, Instant to, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, TIME_MILLIS, HOST, CHECK_NAME, STATE, KIND,"
                        + " RULE_NAME, NOTIFIER, OUTCOME, DETAIL FROM MON_ALERT WHERE TIME_MILLIS >= ?"
                        + " AND TIME_MILLIS < ? ORDER BY TIME_MILLIS DESC, ID DESC")) {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            ps.setMaxRows(limit <= 0 ? 0 : limit);
            List<AlertRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String check = rs.getString(4);
                    CheckKey key = check.isEmpty()
                            ? CheckKey.host(rs.getString(3))
                            : new CheckKey(rs.getString(3), check);
                    out.add(new AlertRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), key, rs.getString(5),
                            AlertRecord.Kind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            AlertRecord.Outcome.valueOf(rs.getString(9)), rs.getString(10)));
                }
            }
            return out;
        }
    }

    /**
     * Time OK/UP versus in a problem over {@code [from, to)} from the HARD states in the history (a SOFT problem does
     * not count against availability).
     */
    public Availability availability(CheckKey key, Instant from, Instant to, String okState) throws SQLException {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        String hard = null;
        long since = start;
        long ok = 0;
        long problem = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT TIME_MILLIS, NEW_STATE, STATE_TYPE FROM MON_HISTORY"
                        + " WHERE HOST = ? AND CHECK_NAME = ? AND TIME_MILLIS < ? ORDER BY TIME_MILLIS, ID")) {
            ps.setString(1, key.host());
            ps.setString(2, checkName(key));
            ps.setLong(3, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = Math.max(start, rs.getLong(1));
                    String next = "HARD".equals(rs.getString(3)) ? rs.getString(2) : hard == null ? okState : hard;
                    if (hard != null && t > since) {
                        if (hard.equals(okState)) {
                            ok += t - since;
                        } else {
                            problem += t - since;
                        }
                    }
                    if (hard == null || t > since) {
                        since = t;
                    }
                    hard = next;
                }
            }
        }
        if (hard != null) {
            if (hard.equals(okState)) {
                ok += end - since;
            } else {
                problem += end - since;
            }
        }
        return new Availability(key, ok, problem, end - start - ok - problem);
    }

    private static String checkName(CheckKey key) {
        return key.isHost() ? "" : key.check();
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= TEXT ? s : s.substring(0, TEXT - 1) + "…";
    }

    private static long millis(Instant t) {
        return t == null ? 0 : t.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
