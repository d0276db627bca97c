package org.opsbench.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.opsbench.cluster.NodeInfo;
import org.opsbench.persistence.Transactions;

/** {@code CLU_NODE}: one row a node, its heartbeat on the database's clock. */
public final class NodeTable {

    private final DataSource dataSource;
    private final String id;
    private final String name;
    private final Duration timeout;

    /** The table as node {@code id} sees it; a node is live while its heartbeat is younger than {@code timeout}. */
    public NodeTable(DataSource dataSource, String id, String name, Duration timeout) {
        this.dataSource = dataSource;
        this.id = id;
        this.name = name;
        this.timeout = timeout;
    }

    /** This node's id. */
    public String id() {
        return id;
    }

    /** Registers (or re-registers, after a restart) this node as started now. */
    public void start() throws SQLException {
        Transactions.inTransaction(dataSource, c -> {
            long now = DatabaseClock.now(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_NODE SET NAME = ?, STARTED_MILLIS = ?,"
                    + " HEARTBEAT_MILLIS = ?, STOPPED = ? WHERE ID = ?")) {
                ps.setString(1, name);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setBoolean(4, false);
                ps.setString(5, id);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CLU_NODE (ID, NAME, STARTED_MILLIS,"
                    + " HEARTBEAT_MILLIS, STOPPED) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setBoolean(5, false);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Tells the others this node is alive. */
    public void heartbeat() throws SQLException {
        int updated = Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_NODE SET HEARTBEAT_MILLIS = ?, STOPPED = ?"
                    + " WHERE ID = ?")) {
                ps.setLong(1, DatabaseClock.now(c));
                ps.setBoolean(2, false);
                ps.setString(3, id);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            // someone removed the row (an operator cleaning up): come back
            start();
        }
    }

    /** Marks this node stopped: the others count it out at once instead of after the timeout. */
    public void stop() throws SQLException {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_NODE SET STOPPED = ? WHERE ID = ?")) {
                ps.setBoolean(1, true);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Every node, by id. */
    public List<NodeInfo> all() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long now = DatabaseClock.now(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, STARTED_MILLIS, HEARTBEAT_MILLIS, STOPPED"
                    + " FROM CLU_NODE ORDER BY ID"); ResultSet rs = ps.executeQuery()) {
                List<NodeInfo> out = new ArrayList<>();
                while (rs.next()) {
                    long heartbeat = rs.getLong(4);
                    boolean live = !rs.getBoolean(5) && heartbeat >= now - timeout.toMillis();
                    out.add(new NodeInfo(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(heartbeat), live));
                }
                return out;
            }
        }
    }

    /** The live nodes, by id. */
    public List<NodeInfo> live() throws SQLException {
        return all().stream().filter(NodeInfo::live).toList();
    }
}
