package org.opsbench.core.security;

import java.time.Instant;

/**
 * A stored audit record: the entry, its place in the log and the hash that chains it to the previous record.
 *
 * @param sequence
 *            position in the log, starting at 1, without gaps
 * @param time
 *            when it was appended
 * @param entry
 *            what happened
 * @param hash
 *            hex hash over this record and the previous record's hash
 */
public record AuditRecord(long sequence, Instant time, AuditEntry entry, String hash) {
}
