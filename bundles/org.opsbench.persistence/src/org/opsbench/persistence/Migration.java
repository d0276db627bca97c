package org.opsbench.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.opsbench.persistence.internal.ScriptLoader;
import org.osgi.framework.Bundle;

/**
 * One versioned step of an area's schema: either SQL text or a Java step. Create one with {@link #sql} or
 * {@link #java}.
 * <p>
 * SQL text holds statements separated by a {@code ;} at the end of a line; lines starting with {@code --} and the rest
 * of a line after {@code --} (outside quotes) are comments.
 *
 * @param version
 *            the schema version this step leads to, from 1, unique within the area
 * @param description
 *            what the step does, for the history and error messages
 * @param sql
 *            the SQL script, or {@code null} for a Java step
 * @param step
 *            the Java step, or {@code null} for a SQL step
 */
public record Migration(int version, String description, String sql, Step step) {

    /**
     * A migration written in Java. It runs inside the migration's transaction: use the connection, never commit, roll
     * back or close it.
     */
    @FunctionalInterface
    public interface Step {
        /** Applies the step on {@code connection}; throw to roll the whole run back. */
        void apply(Connection connection) throws SQLException;
    }

    /** Validates the components. */
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be 1 or more, was " + version);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("migration " + version + " needs a description");
        }
        if ((sql == null) == (step == null)) {
            throw new IllegalArgumentException("migration " + version + " needs either SQL text or a Java step");
        }
    }

    /** A SQL migration. */
    public static Migration sql(int version, String description, String sql) {
        return new Migration(version, description, sql, null);
    }

    /**
     * The SQL scripts {@code V<version>__<description>.sql} of {@code folder} in {@code bundle}, ordered by version:
     * for an area that passes them with Java steps of its own to {@link SchemaMigrations#migrate(String, List)}.
     *
     * @throws IllegalArgumentException
     *             when the folder has no script, a script is misnamed or two share a version
     * @since 1.4
     */
    public static List<Migration> scripts(Bundle bundle, String folder) {
        return ScriptLoader.load(bundle, folder);
    }

    /** A Java migration. */
    public static Migration java(int version, String description, Step step) {
        return new Migration(version, description, null, step);
    }

    /**
     * Identifies the content of this step, to detect an applied step that was edited afterwards: the SHA-256 of the SQL
     * text with line ends normalized, or for a Java step of its description (the code itself cannot be hashed: change
     * the description when a Java step changes meaning).
     */
    public String checksum() {
        String content = sql != null
                ? "sql:" + sql.replace("\r\n", "\n").replace('\r', '\n').strip()
                : "java:" + description.strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Migration[" + version + " " + description + (sql != null ? ", SQL" : ", Java") + "]";
    }
}
