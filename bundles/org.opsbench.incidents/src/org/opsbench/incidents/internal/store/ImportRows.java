package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.vti.VTITemplate;

/**
 * Derby's fast path of the CSV import: the table function {@code INC_IMPORT_ROWS(handle)} hands the validated rows of
 * an import to one {@code INSERT INTO INC_TICKET ... SELECT ... FROM TABLE(INC_IMPORT_ROWS(handle))}. Into an empty
 * table Derby runs such an insert as a bulk insert (DERBY-4789): it loads a new heap and builds every index by one sort
 * instead of a B-tree insert per row and index, inside the caller's transaction (a rollback keeps the old, empty
 * table). The import takes it only into an empty table: into a table holding rows Derby would insert row by row, as
 * JDBC batches do, and that row path lost a row now and then (see {@code TicketImport}). PostgreSQL (and a Derby
 * network server, where the function would run in another JVM) take the JDBC batches
 * ({@link TicketStore#prepareInsertBatch}).
 */
public final class ImportRows extends VTITemplate {

    /** The rows of one import, pulled by Derby while the insert runs, on its thread. */
    @FunctionalInterface
    public interface Source {
        /** The next row with its reference, or {@code null} at the end (or at the first bad line). */
        TicketRow next() throws SQLException;
    }

    private static final String FUNCTION = "INC_IMPORT_ROWS";
    private static final AtomicLong HANDLES = new AtomicLong();
    private static final Map<Long, Source> OPEN = new ConcurrentHashMap<>();

    private final Source source;
    private Object[] values;
    private boolean wasNull;

    private ImportRows(Source source) {
        this.source = source;
    }

    /**
     * Creates the table function (the incidents migration V5, on Derby only). Its columns are those of
     * {@link TicketStore#INSERT_COLUMNS} with the types of {@code INC_TICKET}.
     */
    public static void createFunction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION " + FUNCTION + " (HANDLE BIGINT) RETURNS TABLE (REFERENCE VARCHAR(20), "
                    + "KIND VARCHAR(10), TITLE VARCHAR(200), TITLE_LC VARCHAR(200), DESCRIPTION VARCHAR(32000), "
                    + "REPORTER VARCHAR(100), CALLER VARCHAR(200), CATEGORY VARCHAR(100), CIS VARCHAR(4000), "
                    + "IMPACT INTEGER, URGENCY INTEGER, PRIORITY INTEGER, GRP VARCHAR(100), ASSIGNEE VARCHAR(100), "
                    + "STATE VARCHAR(20), PENDING_REASON VARCHAR(1000), RESOLUTION_CODE VARCHAR(100), "
                    + "RESOLUTION_NOTES VARCHAR(4000), PROBLEM VARCHAR(20), SOURCE VARCHAR(300), CREATED BIGINT, "
                    + "UPDATED BIGINT, RESPONDED BIGINT, RESOLVED BIGINT, ASSIGNMENTS INTEGER, "
                    + "SLA_POLICY VARCHAR(100), RESPONSE_TARGET_MS BIGINT, RESOLUTION_TARGET_MS BIGINT, "
                    + "WARN_PERCENT INTEGER, PAUSED_MS BIGINT, PAUSE_START BIGINT, RESPONSE_DUE BIGINT, "
                    + "RESOLUTION_DUE BIGINT, WARN_AT BIGINT, WARNED BOOLEAN, BREACHED BOOLEAN, "
                    + "RESPONSE_BREACHED BOOLEAN) LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL "
                    + "EXTERNAL NAME '" + ImportRows.class.getName() + ".rows'");
        }
    }

    /** Whether {@code c} is a Derby database (where the migration created the function). */
    static boolean derby(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    /**
     * Whether the import can use the function on {@code c}: embedded Derby only, where the function runs in this JVM
     * and finds the import's rows. A Derby network server would run it in its own JVM: the plain path serves it.
     */
    public static boolean supported(Connection c) throws SQLException {
        return derby(c) && c.getMetaData().getURL().startsWith("jdbc:derby:")
                && !c.getMetaData().getURL().startsWith("jdbc:derby://");
    }

    /**
     * Inserts every row of {@code source} with one statement in the caller's transaction; returns the row count. Derby
     * loads the function's class by the thread's context class loader first: it is set to this bundle's for the call.
     */
    public static long insert(Connection c, Source source) throws SQLException {
        long handle = HANDLES.incrementAndGet();
        OPEN.put(handle, source);
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ImportRows.class.getClassLoader());
        // the handle is a literal: each import compiles its own statement, so none outlives this class loader
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate("INSERT INTO INC_TICKET (" + TicketStore.INSERT_COLUMNS + ") SELECT "
                    + TicketStore.INSERT_COLUMNS + " FROM TABLE(" + FUNCTION + "(" + handle + ")) AS R");
        } finally {
            thread.setContextClassLoader(context);
            OPEN.remove(handle);
        }
    }

    /** The table function's entry point: Derby calls it by name. */
    public static ResultSet rows(long handle) throws SQLException {
        Source source = OPEN.get(handle);
        if (source == null) {
            throw new SQLException("no import running with handle " + handle);
        }
        return new ImportRows(source);
    }

    @Override
    public boolean next() throws SQLException {
        TicketRow row = source.next();
        values = row == null ? null : TicketStore.insertValues(row);
        return row != null;
    }

    @Override
    public void close() {
        values = null;
    }

    private Object value(int column) throws SQLException {
        if (values == null || column < 1 || column > values.length) {
            throw new SQLException("no column " + column + " in the current row");
        }
        Object v = values[column - 1];
        wasNull = v == null;
        return v;
    }

    @Override
    public String getString(int column) throws SQLException {
        return (String) value(column);
    }

    @Override
    public int getInt(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (Integer) v;
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (Long) v;
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        return v != null && (Boolean) v;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }
}
