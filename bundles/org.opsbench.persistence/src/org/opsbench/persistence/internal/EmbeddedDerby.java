package org.opsbench.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An embedded Derby database reached through {@link EmbeddedDataSource} directly: no {@link java.sql.DriverManager} and
 * no context class loader, which both fail in OSGi.
 *
 * @param databaseName
 *            the database folder (or {@code memory:name})
 * @param attributes
 *            connection attributes such as {@code create=true}, empty for none
 * @param user
 *            user, or empty
 * @param password
 *            password, or {@code null}
 */
public record EmbeddedDerby(String databaseName, String attributes, String user, String password)
        implements
            ConnectionSource {

    private static final String EMBEDDED_PREFIX = "jdbc:derby:";
    /** SQLState of a successful single-database shutdown. */
    private static final String SHUTDOWN_OK = "08006";

    /** The embedded database in {@code folder}, created when missing. */
    public static EmbeddedDerby inFolder(Path folder, String user, String password) {
        return new EmbeddedDerby(folder.toAbsolutePath().toString(), "create=true", user, password);
    }

    /** The embedded database that {@code url} names, if it is an embedded Derby URL (not {@code jdbc:derby://}). */
    public static Optional<EmbeddedDerby> fromUrl(String url, String user, String password) {
        if (!url.startsWith(EMBEDDED_PREFIX) || url.startsWith(EMBEDDED_PREFIX + "//")) {
            return Optional.empty();
        }
        String rest = url.substring(EMBEDDED_PREFIX.length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String attributes = semicolon < 0 ? "" : rest.substring(semicolon + 1);
        return Optional.of(new EmbeddedDerby(name, attributes, user, password));
    }

    @Override
    public Connection open() throws SQLException {
        EmbeddedDataSource ds = dataSource();
        if (!attributes.isEmpty()) {
            ds.setConnectionAttributes(attributes);
        }
        return ds.getConnection();
    }

    /**
     * Shuts this database down (not the Derby engine), so that the next boot needs no recovery.
     *
     * @throws SQLException
     *             when Derby reports anything but a clean shutdown
     */
    public void shutdown() throws SQLException {
        EmbeddedDataSource ds = dataSource();
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException e) {
            if (SHUTDOWN_OK.equals(e.getSQLState())) {
                return;
            }
            throw e;
        }
        throw new SQLException("Derby did not confirm the shutdown of " + databaseName);
    }

    private EmbeddedDataSource dataSource() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(databaseName);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    @Override
    public String toString() {
        // never the password
        return "embedded Derby " + databaseName;
    }
}
