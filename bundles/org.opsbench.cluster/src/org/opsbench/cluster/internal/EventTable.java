package org.opsbench.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.opsbench.persistence.Transactions;

/**
 * {@code CLU_EVENT}: events one node posted, for the others to read. Identity values are handed out before commit, so a
 * reader cannot rely on "greater than the last id seen": it reads a window of recent rows and skips those it has seen
 * (kept for the same window).
 */
public final class EventTable {

    /** An event read from another node. */
    public record Remote(long id, String origin, String topic, Map<String, Object> properties) {
    }

    private static final long WINDOW_MILLIS = 60_000;
    private static final long KEEP_MILLIS = 300_000;

    private final DataSource dataSource;
    private final String node;
    private final Map<Long, Long> seen = new HashMap<>();
    private long since = -1;

    /** For node {@code node}. */
    public EventTable(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    /** Writes events this node posted, in one transaction. */
    public void write(List<Map.Entry<String, Map<String, ?>>> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Transactions.inTransaction(dataSource, c -> {
            long now = DatabaseClock.now(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CLU_EVENT (ORIGIN, TOPIC, PROPS,"
                    + " CREATED_MILLIS) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Map<String, ?>> e : events) {
                    String props = EventCodec.encode(e.getValue());
                    if (props.length() > 8000) {
                        // too big to bridge whole: the topic alone still tells the others to refresh
                        props = "";
                    }
                    ps.setString(1, node);
                    ps.setString(2, e.getKey());
                    ps.setString(3, props);
                    ps.setLong(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * The events of other nodes not read yet. The first call only marks where this node starts: what was posted before
     * it came is not replayed.
     */
    public List<Remote> read() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long now = DatabaseClock.now(c);
            if (since < 0) {
                // mark by the rows already there, not by the clock: a row of this same millisecond is not replayed,
                // and one committed later with an earlier time (PostgreSQL's CURRENT_TIMESTAMP is the start of the
                // writer's transaction) is not lost
                since = now - WINDOW_MILLIS;
                try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CLU_EVENT WHERE CREATED_MILLIS >= ?")) {
                    ps.setLong(1, since);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.put(rs.getLong(1), now);
                        }
                    }
                }
                return List.of();
            }
            long from = Math.max(since, now - WINDOW_MILLIS);
            List<Remote> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, ORIGIN, TOPIC, PROPS FROM CLU_EVENT WHERE"
                    + " CREATED_MILLIS >= ? AND ORIGIN <> ? ORDER BY ID")) {
                ps.setLong(1, from);
                ps.setString(2, node);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (seen.putIfAbsent(id, now) == null) {
                            out.add(new Remote(id, rs.getString(2), rs.getString(3),
                                    EventCodec.decode(rs.getString(4))));
                        }
                    }
                }
            }
            seen.values().removeIf(t -> t < now - WINDOW_MILLIS - 5000);
            return out;
        }
    }

    /** Removes events older than five minutes (any node may; the others read them long before). */
    public int purge() throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            long now = DatabaseClock.now(c);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM CLU_EVENT WHERE CREATED_MILLIS < ?")) {
                ps.setLong(1, now - KEEP_MILLIS);
                return ps.executeUpdate();
            }
        });
    }
}
