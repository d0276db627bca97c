package org.opsbench.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.opsbench.core.Principal;

/** The principal of a single-user workspace: {@code local:<os user>}. */
final class LocalAdministrator {

    private LocalAdministrator() {
    }

    static String name() {
        return "local:" + System.getProperty("user.name", "user");
    }

    /**
     * Whether this workspace skips the login: {@code singleUser} is set and the database is the workspace's own
     * embedded Derby. On a shared database (PostgreSQL, a Derby network server) other people's data is at stake and
     * every action must name a real user, so the setting is refused (the login stays) and {@code warn} is told why.
     */
    static boolean allowed(boolean configured, DataSource dataSource, Consumer<String> warn) {
        if (!configured) {
            return false;
        }
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = String.valueOf(c.getMetaData().getURL());
        } catch (SQLException e) {
            warn.accept("singleUser = true is ignored: the database could not be asked what it is (" + e.getMessage()
                    + "); log in");
            return false;
        }
        if (embedded(url)) {
            return true;
        }
        warn.accept("singleUser = true is ignored: the database " + url + " is shared, not this workspace's own"
                + " embedded database; every user logs in");
        return false;
    }

    static boolean embedded(String url) {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    static Principal principal() {
        return Principal.user(name(), "Local administrator (" + System.getProperty("user.name", "user") + ")");
    }
}
