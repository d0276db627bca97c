package org.opsbench.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of JDBC connections. At most {@code maxSize} connections are lent at once; a caller beyond that waits
 * up to the timeout and then gets an {@link SQLTransientConnectionException} that says so. Idle connections are
 * validated before they are lent again; a lent connection goes back to the pool when the caller closes it, rolled back
 * and reset to auto-commit.
 * <p>
 * Written here rather than taken from HikariCP because HikariCP's bundle imports SLF4J 1.x and loads drivers through
 * the context class loader; this pool stays within the JDBC API and a {@link ConnectionSource}.
 */
public final class ConnectionPool implements AutoCloseable {

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final ConnectionSource source;
    private final int maxSize;
    private final Duration timeout;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param source
     *            opens physical connections
     * @param maxSize
     *            the most connections lent at once, 1 or more
     * @param timeout
     *            how long a caller waits for a free connection
     */
    public ConnectionPool(ConnectionSource source, int maxSize, Duration timeout) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("poolSize must be 1 or more, was " + maxSize);
        }
        this.source = source;
        this.maxSize = maxSize;
        this.timeout = timeout;
        this.permits = new Semaphore(maxSize, true);
    }

    /** Lends a connection; close it to give it back. */
    public Connection getConnection() throws SQLException {
        checkOpen();
        boolean acquired;
        try {
            acquired = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        if (!acquired) {
            throw new SQLTransientConnectionException("No database connection free after waiting "
                    + timeout.toMillis() + " ms: all " + maxSize
                    + " connections of the pool are in use (raise poolSize in the configuration"
                    + " org.opsbench.persistence.datasource, or look for connections that are not closed)");
        }
        try {
            checkOpen();
            return lend(physical());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection physical() throws SQLException {
        while (true) {
            Connection candidate;
            synchronized (idle) {
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                Connection fresh = source.open();
                all.add(fresh);
                return fresh;
            }
            if (isUsable(candidate)) {
                return candidate;
            }
            discard(candidate);
        }
    }

    private static boolean isUsable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection lend(Connection physical) {
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Lent(physical));
    }

    private void giveBack(Connection physical) {
        try {
            if (closed || !reset(physical)) {
                discard(physical);
                return;
            }
            synchronized (idle) {
                idle.addFirst(physical);
            }
            // the pool may have closed meanwhile: do not leave a connection behind
            if (closed) {
                closeIdle();
            }
        } finally {
            permits.release();
        }
    }

    private static boolean reset(Connection physical) {
        try {
            if (physical.isClosed()) {
                return false;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (physical.isReadOnly()) {
                physical.setReadOnly(false);
            }
            physical.clearWarnings();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void discard(Connection physical) {
        all.remove(physical);
        try {
            physical.close();
        } catch (SQLException e) {
            // already broken: nothing to give back
        }
    }

    /** Connections lent right now. */
    public int active() {
        return maxSize - permits.availablePermits();
    }

    /** Connections open but not lent. */
    public int idle() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** Callers waiting for a free connection (an estimate). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** The most connections lent at once. */
    public int maxSize() {
        return maxSize;
    }

    /** Closes every connection, lent ones included; later requests fail. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
        for (Connection c : all) {
            discard(c);
        }
    }

    private void closeIdle() {
        Connection c;
        while (true) {
            synchronized (idle) {
                c = idle.pollFirst();
            }
            if (c == null) {
                return;
            }
            discard(c);
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLTransientConnectionException("the Opsbench data source is closed (configuration changed or"
                    + " the persistence bundle stopped): get the DataSource service again");
        }
    }

    /** The handle a caller holds: close gives the connection back exactly once, later calls fail. */
    private final class Lent implements InvocationHandler {
        private final Connection physical;
        private boolean returned;

        Lent(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" :
                    synchronized (this) {
                        if (!returned) {
                            returned = true;
                            giveBack(physical);
                        }
                    }
                    return null;
                case "isClosed" :
                    synchronized (this) {
                        return returned || physical.isClosed();
                    }
                case "equals" :
                    return proxy == args[0];
                case "hashCode" :
                    return System.identityHashCode(proxy);
                case "toString" :
                    return "PooledConnection[" + physical + (returned ? ", returned" : "") + "]";
                default :
                    synchronized (this) {
                        if (returned) {
                            throw new SQLException("connection was closed (returned to the pool)", "08003");
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }
    }
}
