package org.opsbench.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditRecord;

/**
 * Appends audit records through one writer thread that group-commits: whatever callers queued while the previous commit
 * ran goes into the next transaction (up to {@value #MAX_BATCH} records), so one fsync serves many appends while the
 * chain stays strictly sequential. Each batch takes the row lock of {@code SECURITY_AUDIT_HEAD} first, so two processes
 * on one database (team mode) also chain one after the other. No OSGi types: the benchmark runs it bare.
 */
public final class AuditWriter implements AutoCloseable {

    /** Opens a JDBC connection (the data source's {@code getConnection}). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    static final int MAX_BATCH = 512;
    static final int MAX_TEXT = 4000;

    private record Pending(AuditEntry entry, CompletableFuture<AuditRecord> done) {
    }

    private final Connections connections;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Connection connection;
    /** The chain head as this writer last committed or read it; -1 when unknown (read it again). */
    private long headSequence = -1;
    private String headHash;

    /** Starts the writer thread. */
    public AuditWriter(Connections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("opsbench-audit-writer").start(this::run);
    }

    /** Queues {@code entry}; the future completes once its batch is committed. */
    public CompletableFuture<AuditRecord> submit(AuditEntry entry) {
        CompletableFuture<AuditRecord> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the audit log is closed"));
            return done;
        }
        queue.add(new Pending(entry, done));
        return done;
    }

    /** Appends {@code entry} and waits for its commit. */
    public AuditRecord append(AuditEntry entry) {
        try {
            return submit(entry).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("audit append failed: " + e.getCause(), e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        failRemaining();
        closeConnection();
    }

    private void write(List<Pending> batch) {
        try {
            List<AuditRecord> records = commit(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(records.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            IllegalStateException failure = new IllegalStateException("audit append failed: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
        }
    }

    private List<AuditRecord> commit(List<Pending> batch) throws SQLException {
        Connection c = connection();
        try {
            if (headSequence < 0) {
                readHead(c);
            }
            long now = clock.millis();
            List<AuditRecord> records = chain(batch, headSequence, headHash, now);
            AuditRecord last = records.get(records.size() - 1);
            // moving the head first takes its row lock and proves nobody (another process) appended since we read it
            if (moveHead(c, last.sequence(), last.hash()) == 0) {
                c.rollback();
                readHead(c);
                records = chain(batch, headSequence, headHash, now);
                last = records.get(records.size() - 1);
                if (moveHead(c, last.sequence(), last.hash()) == 0) {
                    throw new SQLException("the audit chain head moved twice while appending");
                }
            }
            insert(c, records);
            c.commit();
            headSequence = last.sequence();
            headHash = last.hash();
            return records;
        } catch (SQLException | RuntimeException e) {
            headSequence = -1;
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is dropped anyway
            }
            throw e;
        }
    }

    private void readHead(Connection c) throws SQLException {
        try (Statement head = c.createStatement();
                ResultSet rs = head.executeQuery("SELECT SEQ, HASH FROM SECURITY_AUDIT_HEAD WHERE ID = 1")) {
            rs.next();
            headSequence = rs.getLong(1);
            headHash = rs.getString(2);
        }
    }

    private int moveHead(Connection c, long sequence, String hash) throws SQLException {
        try (PreparedStatement head = c.prepareStatement("UPDATE SECURITY_AUDIT_HEAD SET SEQ = ?, HASH = ?"
                + " WHERE ID = 1 AND SEQ = ? AND HASH = ?")) {
            head.setLong(1, sequence);
            head.setString(2, hash);
            head.setLong(3, headSequence);
            head.setString(4, headHash);
            return head.executeUpdate();
        }
    }

    private static List<AuditRecord> chain(List<Pending> batch, long sequence, String previous, long now) {
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            AuditEntry e = bounded(p.entry());
            sequence++;
            previous = AuditChain.hash(previous, sequence, now, e);
            records.add(new AuditRecord(sequence, Instant.ofEpochMilli(now), e, previous));
        }
        return records;
    }

    private static void insert(Connection c, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO SECURITY_AUDIT (SEQ, TS, PRINCIPAL,"
                + " PRINCIPAL_DISPLAY, PRINCIPAL_KIND, ACTION, OBJECT_TYPE, OBJECT_ID, SUMMARY, BEFORE_VALUE,"
                + " AFTER_VALUE, HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRecord r : records) {
                AuditEntry e = r.entry();
                insert.setLong(1, r.sequence());
                insert.setLong(2, r.time().toEpochMilli());
                insert.setString(3, e.principal().name());
                insert.setString(4, e.principal().displayName());
                insert.setString(5, e.principal().kind().name());
                insert.setString(6, e.action());
                nullable(insert, 7, e.objectType());
                nullable(insert, 8, e.objectId());
                insert.setString(9, e.summary());
                nullable(insert, 10, e.before());
                nullable(insert, 11, e.after());
                insert.setString(12, r.hash());
                if (records.size() > 1) {
                    insert.addBatch();
                }
            }
            if (records.size() == 1) {
                insert.executeUpdate();
            } else {
                insert.executeBatch();
            }
        }
    }

    /** Cuts fields to the column sizes, so the stored record (and its hash) is what the caller gets back. */
    private static AuditEntry bounded(AuditEntry e) {
        return new AuditEntry(e.principal(), cut(e.action(), 200), cut(e.objectType(), 100), cut(e.objectId(), 300),
                cut(e.summary(), 2000), cut(e.before(), MAX_TEXT), cut(e.after(), MAX_TEXT));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void nullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing to save
            }
            connection = null;
        }
    }

    private void failRemaining() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new IllegalStateException("the audit log is closed"));
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
