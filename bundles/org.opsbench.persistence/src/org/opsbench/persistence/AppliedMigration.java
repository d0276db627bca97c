package org.opsbench.persistence;

import java.time.Instant;

/**
 * A row of the schema history table {@code OPSBENCH_SCHEMA_HISTORY}: a migration applied to an area.
 *
 * @param area
 *            the area that owns the schema
 * @param version
 *            the version applied
 * @param description
 *            the migration's description
 * @param checksum
 *            {@link Migration#checksum()} at the time it was applied
 * @param appliedAt
 *            when it was applied
 * @param durationMillis
 *            how long it ran
 */
public record AppliedMigration(String area, int version, String description, String checksum, Instant appliedAt,
        long durationMillis) {
}
