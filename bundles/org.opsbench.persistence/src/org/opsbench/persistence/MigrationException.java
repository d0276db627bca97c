package org.opsbench.persistence;

/**
 * A schema migration run failed and was rolled back as a whole: the schema and the history are as they were before the
 * run. The message names the area, the version, the statement and its line, and the database's error.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String area;
    private final int version;
    private final int line;

    /**
     * @param area
     *            the area whose migration failed
     * @param version
     *            the version that failed, 0 when the failure concerns no single version
     * @param line
     *            the line of the failed statement in the migration's SQL text, 0 when not applicable
     * @param message
     *            the whole message for humans
     * @param cause
     *            the underlying error, if any
     */
    public MigrationException(String area, int version, int line, String message, Throwable cause) {
        super(message, cause);
        this.area = area;
        this.version = version;
        this.line = line;
    }

    /** The area whose migration failed. */
    public String area() {
        return area;
    }

    /** The version that failed, 0 when the failure concerns no single version. */
    public int version() {
        return version;
    }

    /** The line (from 1) where the failed statement starts in the migration's SQL text, 0 when not applicable. */
    public int line() {
        return line;
    }
}
