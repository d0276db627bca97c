package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.persistence.AppliedMigration;

/** The table {@code OPSBENCH_SCHEMA_HISTORY}: one row per applied migration and area. */
final class HistoryTable {

    static final String NAME = "OPSBENCH_SCHEMA_HISTORY";

    private static final String CREATE = "CREATE TABLE " + NAME + " (" //
            + "AREA VARCHAR(64) NOT NULL, " //
            + "VERSION INTEGER NOT NULL, " //
            + "DESCRIPTION VARCHAR(200) NOT NULL, " //
            + "CHECKSUM VARCHAR(64) NOT NULL, " //
            + "APPLIED_AT TIMESTAMP NOT NULL, " //
            + "DURATION_MS BIGINT NOT NULL, " //
            + "PRIMARY KEY (AREA, VERSION))";

    private HistoryTable() {
    }

    /** Creates the table unless it exists; runs in its own short transaction. */
    static void ensureExists(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        } catch (SQLException e) {
            // another process may have created it just now
            if (!exists(c)) {
                throw e;
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(NAME, NAME.toLowerCase())) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[]{"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Locks the table until the end of the transaction, so that migration runs of other connections (other JVMs
     * included) wait. Derby and PostgreSQL both know this statement.
     */
    static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + NAME + " IN EXCLUSIVE MODE");
        }
    }

    static List<AppliedMigration> read(Connection c, String area) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT, DURATION_MS"
                + " FROM " + NAME + " WHERE AREA = ? ORDER BY VERSION")) {
            ps.setString(1, area);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AppliedMigration(area, rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getLong(5)));
                }
            }
        }
        return rows;
    }

    static void insert(Connection c, AppliedMigration row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + NAME
                + " (AREA, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT, DURATION_MS) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.area());
            ps.setInt(2, row.version());
            ps.setString(3, truncate(row.description(), 200));
            ps.setString(4, row.checksum());
            ps.setTimestamp(5, Timestamp.from(row.appliedAt()));
            ps.setLong(6, row.durationMillis());
            ps.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
