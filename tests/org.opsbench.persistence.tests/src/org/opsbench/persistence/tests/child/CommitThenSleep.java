package org.opsbench.persistence.tests.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Main class of the child JVM in {@code CrashRecoveryTest} (plain class path, no OSGi): creates a database, commits
 * rows, leaves one row uncommitted, prints {@value #MARKER} and sleeps until it is killed.
 */
public final class CommitThenSleep {

    /** Printed once every committed row is on disk. */
    public static final String MARKER = "COMMITTED";

    private CommitThenSleep() {
    }

    /** Arguments: database folder, number of rows to commit. */
    public static void main(String[] args) throws Exception {
        String folder = args[0];
        int rows = Integer.parseInt(args[1]);
        Connection c = DriverManager.getConnection("jdbc:derby:" + folder + ";create=true");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE EVENTS (ID INT PRIMARY KEY, NOTE VARCHAR(40))");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EVENTS VALUES (?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ps.setInt(1, i);
                ps.setString(2, "committed " + i);
                ps.executeUpdate(); // auto-commit: each row is its own committed transaction
            }
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO EVENTS VALUES (-1, 'never committed')");
        }
        System.out.println(MARKER + " " + rows);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
