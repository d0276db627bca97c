package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.persistence.AppliedMigration;
import org.opsbench.persistence.Migration;
import org.opsbench.persistence.MigrationException;
import org.opsbench.persistence.MigrationReport;

/** Applies the pending migrations of one area on one connection, in one transaction. */
final class MigrationRunner {

    private static final int MAX_SQL_IN_MESSAGE = 200;

    private final String area;
    private final List<Migration> steps;

    MigrationRunner(String area, List<Migration> steps) {
        if (area == null || area.isBlank() || area.length() > 64) {
            throw new IllegalArgumentException("area must be a name of 1 to 64 characters, was '" + area + "'");
        }
        this.area = area;
        this.steps = steps.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).version() == this.steps.get(i - 1).version()) {
                throw new IllegalArgumentException(
                        "area '" + area + "' has two migrations with version " + this.steps.get(i).version());
            }
        }
    }

    MigrationReport run(Connection c) throws SQLException {
        HistoryTable.ensureExists(c);
        SqlDialect dialect = SqlDialect.of(c);
        c.setAutoCommit(false);
        try {
            HistoryTable.lock(c);
            Map<Integer, AppliedMigration> history = new HashMap<>();
            int current = 0;
            for (AppliedMigration row : HistoryTable.read(c, area)) {
                history.put(row.version(), row);
                current = Math.max(current, row.version());
            }
            List<AppliedMigration> applied = new ArrayList<>();
            for (Migration step : steps) {
                AppliedMigration done = history.get(step.version());
                if (done != null) {
                    verifyUnchanged(step, done);
                } else if (step.version() < current) {
                    throw new MigrationException(area, step.version(), 0, "Migration of area '" + area
                            + "': version " + step.version() + " (" + step.description()
                            + ") is pending but version " + current
                            + " is already applied. Versions must be added in ascending order.", null);
                } else {
                    applied.add(apply(c, dialect, step));
                    current = step.version();
                }
            }
            c.commit();
            return new MigrationReport(area, applied, current);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void verifyUnchanged(Migration step, AppliedMigration done) {
        String checksum = step.checksum();
        if (!checksum.equals(done.checksum())) {
            throw new MigrationException(area, step.version(), 0, "Migration of area '" + area + "': version "
                    + step.version() + " (" + step.description() + ") was changed after it was applied on "
                    + done.appliedAt() + " (checksum in history " + done.checksum() + ", now " + checksum
                    + "). An applied migration must never change: restore it and add a new version instead.", null);
        }
    }

    private AppliedMigration apply(Connection c, SqlDialect dialect, Migration step) throws SQLException {
        long started = System.nanoTime();
        if (step.sql() != null) {
            List<SqlScript.Statement> statements = SqlScript.split(step.sql());
            for (int i = 0; i < statements.size(); i++) {
                SqlScript.Statement statement = statements.get(i);
                try (Statement s = c.createStatement()) {
                    s.execute(dialect.translate(statement.sql()));
                } catch (SQLException e) {
                    throw new MigrationException(area, step.version(), statement.line(),
                            "Migration of area '" + area + "' failed at version " + step.version() + " ("
                                    + step.description() + "), statement " + (i + 1) + " at line "
                                    + statement.line() + ": " + shorten(statement.sql()) + " -- " + e.getSQLState()
                                    + ": " + e.getMessage() + ". The run was rolled back, nothing of it was applied.",
                            e);
                }
            }
        } else {
            try {
                step.step().apply(c);
            } catch (SQLException | RuntimeException e) {
                String state = e instanceof SQLException sql ? sql.getSQLState() + ": " : "";
                throw new MigrationException(area, step.version(), 0,
                        "Migration of area '" + area + "' failed at version " + step.version() + " ("
                                + step.description() + "), Java step: " + state + e.getMessage()
                                + ". The run was rolled back, nothing of it was applied.",
                        e);
            }
        }
        AppliedMigration row = new AppliedMigration(area, step.version(), step.description(), step.checksum(),
                Instant.now(), (System.nanoTime() - started) / 1_000_000);
        HistoryTable.insert(c, row);
        return row;
    }

    private static String shorten(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SQL_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_SQL_IN_MESSAGE) + "...";
    }
}
