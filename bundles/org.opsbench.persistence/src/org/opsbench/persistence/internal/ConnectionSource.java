package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens physical connections for a {@link ConnectionPool}. */
@FunctionalInterface
public interface ConnectionSource {

    /** A new physical connection. */
    Connection open() throws SQLException;
}
