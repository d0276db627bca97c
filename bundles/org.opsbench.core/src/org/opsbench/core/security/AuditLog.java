package org.opsbench.core.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail. Every state change appends one record in the same transaction as the change where the
 * implementation can, or right after it.
 */
@ProviderType
public interface AuditLog {

    /** Appends {@code entry} and returns the stored record. */
    AuditRecord append(AuditEntry entry);
}
