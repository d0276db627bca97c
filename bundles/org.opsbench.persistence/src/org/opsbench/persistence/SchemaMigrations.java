package org.opsbench.persistence;

import java.util.List;

import org.osgi.framework.Bundle;

/**
 * Versioned schema migrations per area, recorded in the table {@code OPSBENCH_SCHEMA_HISTORY (AREA, VERSION,
 * DESCRIPTION, CHECKSUM, APPLIED_AT, DURATION_MS)} of the shared database (created on first use).
 * <p>
 * Rules:
 * <ul>
 * <li>each version is applied once and only once; a run applies the pending versions in ascending order;</li>
 * <li>a run is one transaction: when any statement fails, everything of that run is rolled back, no history row is
 * written, a {@link MigrationException} names the area, version, line and SQL error, and the event
 * {@code org/opsbench/platform/MIGRATION_FAILED} is posted (properties {@code area}, {@code reason});</li>
 * <li>an applied version whose {@link Migration#checksum() checksum} changed is refused, never re-run; so is a pending
 * version lower than an applied one;</li>
 * <li>concurrent runs (two areas starting at once, or two servers on one database) are serialized.</li>
 * </ul>
 */
public interface SchemaMigrations {

    /**
     * Applies the pending {@code steps} of {@code area}.
     *
     * @param area
     *            the area's short name, for example {@code monitoring}
     * @param steps
     *            all migrations of the area, applied ones included (their checksums are verified)
     * @throws MigrationException
     *             when the run failed; nothing of it was applied
     */
    MigrationReport migrate(String area, List<Migration> steps);

    /**
     * Applies the pending SQL scripts found in {@code folder} of {@code bundle}. Scripts are named
     * {@code V<version>__<description>.sql} (for example {@code V1__create_tables.sql}, {@code V2__add_index.sql}),
     * read as UTF-8; underscores in the description become spaces. The folder must be in the bundle
     * ({@code bin.includes}).
     *
     * @throws IllegalArgumentException
     *             when the folder holds no script, a script is misnamed or two scripts share a version
     * @throws MigrationException
     *             when the run failed; nothing of it was applied
     */
    MigrationReport migrate(String area, Bundle bundle, String folder);

    /** The applied migrations of {@code area}, by ascending version. */
    List<AppliedMigration> history(String area);
}
