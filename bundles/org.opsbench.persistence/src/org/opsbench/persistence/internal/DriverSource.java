package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Connections for any JDBC URL: first through a {@link Driver} registered as OSGi service that accepts the URL, else
 * through {@link DriverManager} (which finds drivers on the class path of a plain JVM, or registered by their bundle).
 */
final class DriverSource implements ConnectionSource {

    private final String url;
    private final String user;
    private final String password;
    private final Supplier<List<Driver>> drivers;

    DriverSource(String url, String user, String password, Supplier<List<Driver>> drivers) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.drivers = drivers;
    }

    @Override
    public Connection open() throws SQLException {
        Properties info = new Properties();
        if (!user.isEmpty()) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        for (Driver driver : drivers.get()) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, info);
            }
        }
        try {
            return DriverManager.getConnection(url, info);
        } catch (SQLException e) {
            throw new SQLException("No JDBC driver could connect to " + Urls.safe(url) + " (" + e.getMessage()
                    + "). Install a bundle that registers a java.sql.Driver service for this URL.", e.getSQLState(), e);
        }
    }

    @Override
    public String toString() {
        return Urls.safe(url);
    }
}
