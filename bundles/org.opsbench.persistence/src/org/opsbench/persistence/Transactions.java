package org.opsbench.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Plain-JDBC work in one transaction, for the hot paths where an area uses the shared {@link DataSource} without JPA:
 * commit when the work returns, roll back when it throws, and always give the connection back to the pool.
 */
public final class Transactions {

    /** Work on a connection whose auto-commit is off. */
    @FunctionalInterface
    public interface SqlWork<T> {
        /** Does the work; the caller commits or rolls back. */
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction on a connection of {@code dataSource}.
     *
     * @throws SQLException
     *             when the work or the commit failed; nothing of the work is kept then
     */
    public static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
