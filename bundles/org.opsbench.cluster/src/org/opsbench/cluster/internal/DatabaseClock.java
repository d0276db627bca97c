package org.opsbench.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database's clock: every node compares lease expiries and heartbeats with it, never with its own.
 * {@code VALUES (CURRENT_TIMESTAMP)} is the same statement on Derby and PostgreSQL.
 */
final class DatabaseClock {

    private DatabaseClock() {
    }

    /** The database's time now, in epoch milliseconds. */
    static long now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("VALUES (CURRENT_TIMESTAMP)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).getTime();
        }
    }
}
