package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A change of the business-hours calendar in one JDBC transaction: the setting row and the SLA deadlines of every open
 * ticket together (the JPA reads of the settings share no cache, so they see the row at once).
 */
public final class CalendarChange {

    private static final int BATCH = 500;

    private CalendarChange() {
    }

    /** Writes the setting {@code name} in the caller's transaction; returns its previous value. */
    public static Optional<String> writeSetting(Connection c, String name, String value) throws SQLException {
        Optional<String> before = Optional.empty();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT TEXT_VALUE FROM INC_SETTING WHERE NAME = ? FOR UPDATE")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    before = Optional.of(rs.getString(1));
                }
            }
        }
        try (PreparedStatement w = c.prepareStatement(before.isPresent()
                ? "UPDATE INC_SETTING SET TEXT_VALUE = ? WHERE NAME = ?"
                : "INSERT INTO INC_SETTING (TEXT_VALUE, NAME) VALUES (?, ?)")) {
            w.setString(1, value);
            w.setString(2, name);
            w.executeUpdate();
        }
        return before;
    }

    /**
     * Recomputes the deadlines of every open ticket with an SLA policy in the caller's transaction: {@code recompute}
     * sets them on a row holding the clock columns; rows whose deadlines changed are written. Returns how many.
     */
    public static int recomputeOpen(Connection c, Consumer<TicketRow> recompute) throws SQLException {
        int changed = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT ID, CREATED, SLA_POLICY, RESPONSE_TARGET_MS, "
                + "RESOLUTION_TARGET_MS, WARN_PERCENT, PAUSED_MS, PAUSE_START, RESPONSE_DUE, RESOLUTION_DUE, WARN_AT "
                + "FROM INC_TICKET WHERE STATE IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING') "
                + "AND SLA_POLICY IS NOT NULL");
                PreparedStatement up = c.prepareStatement(
                        "UPDATE INC_TICKET SET RESPONSE_DUE = ?, RESOLUTION_DUE = ?, WARN_AT = ? WHERE ID = ?")) {
            q.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    TicketRow t = new TicketRow();
                    t.id = rs.getLong(1);
                    t.created = rs.getLong(2);
                    t.slaPolicy = rs.getString(3);
                    t.responseTargetMs = rs.getLong(4);
                    t.resolutionTargetMs = rs.getLong(5);
                    t.warnPercent = rs.getInt(6);
                    t.pausedMs = rs.getLong(7);
                    t.pauseStart = nullable(rs, 8);
                    Long responseDue = nullable(rs, 9);
                    Long resolutionDue = nullable(rs, 10);
                    Long warnAt = nullable(rs, 11);
                    recompute.accept(t);
                    if (Objects.equals(responseDue, t.responseDue) && Objects.equals(resolutionDue, t.resolutionDue)
                            && Objects.equals(warnAt, t.warnAt)) {
                        continue;
                    }
                    set(up, 1, t.responseDue);
                    set(up, 2, t.resolutionDue);
                    set(up, 3, t.warnAt);
                    up.setLong(4, t.id);
                    up.addBatch();
                    changed++;
                    if (++pending == BATCH) {
                        up.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                up.executeBatch();
            }
        }
        return changed;
    }

    private static Long nullable(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static void set(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
