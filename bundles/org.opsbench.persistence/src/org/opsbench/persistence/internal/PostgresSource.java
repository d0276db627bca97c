package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to PostgreSQL through the PostgreSQL JDBC driver bundle ({@code org.postgresql.jdbc}), instantiated
 * directly: {@link java.sql.DriverManager} checks the caller's class loader and fails in OSGi. The import of
 * {@code org.postgresql} is optional, so without the driver bundle only PostgreSQL URLs fail, with a clear message.
 */
final class PostgresSource implements ConnectionSource {

    static final String PREFIX = "jdbc:postgresql:";

    private final String url;
    private final String user;
    private final String password;

    PostgresSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    static boolean accepts(String url) {
        return url.startsWith(PREFIX);
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
        // names the application in pg_stat_activity
        info.setProperty("ApplicationName", "opsbench");
        java.sql.Driver driver;
        try {
            driver = new org.postgresql.Driver();
        } catch (NoClassDefFoundError e) {
            throw new SQLException("The database URL " + Urls.safe(url) + " is PostgreSQL, but the PostgreSQL JDBC"
                    + " driver bundle (org.postgresql.jdbc) is not installed", "08001", e);
        }
        Connection c = driver.connect(url, info);
        if (c == null) {
            throw new SQLException("The PostgreSQL driver does not accept the URL " + Urls.safe(url), "08001");
        }
        return c;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + Urls.safe(url);
    }
}
