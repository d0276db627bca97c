package org.opsbench.persistence;

import java.util.List;

/**
 * What one {@link SchemaMigrations#migrate} run did.
 *
 * @param area
 *            the area migrated
 * @param applied
 *            the migrations applied by this run, in order; empty when the schema was up to date
 * @param schemaVersion
 *            the area's schema version after the run, 0 when it has none
 */
public record MigrationReport(String area, List<AppliedMigration> applied, int schemaVersion) {

    /** Copies the list. */
    public MigrationReport {
        applied = List.copyOf(applied);
    }

    /** Whether this run applied nothing. */
    public boolean upToDate() {
        return applied.isEmpty();
    }
}
