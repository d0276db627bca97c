package org.opsbench.security;

import java.time.Instant;

/**
 * A search of the audit trail; {@code null} components do not restrict.
 *
 * @param from
 *            records at or after this time
 * @param to
 *            records before this time
 * @param principal
 *            the principal name, exact
 * @param objectType
 *            the object type, exact
 * @param objectId
 *            the object id, exact
 * @param limit
 *            at most this many records, newest first; 0 means no limit
 */
public record AuditQuery(Instant from, Instant to, String principal, String objectType, String objectId, int limit) {

    /** Everything, newest first, up to {@code limit}. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }
}
