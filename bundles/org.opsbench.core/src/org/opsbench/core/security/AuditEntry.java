package org.opsbench.core.security;

import java.util.Objects;

import org.opsbench.core.Principal;

/**
 * What a caller hands to {@link AuditLog#append(AuditEntry)}: who did what to which object.
 *
 * @param principal
 *            who acted
 * @param action
 *            what was done, for example {@code ssh.hostkey.approve}
 * @param objectType
 *            the kind of object acted on, for example {@code hostkey}
 * @param objectId
 *            the id of that object
 * @param summary
 *            one line for humans
 * @param before
 *            a small rendering of the state before, or {@code null}
 * @param after
 *            a small rendering of the state after, or {@code null}
 */
public record AuditEntry(Principal principal, String action, String objectType, String objectId, String summary,
        String before, String after) {

    /** Validates the required components. */
    public AuditEntry {
        Objects.requireNonNull(principal, "AuditEntry.principal");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("AuditEntry.action must not be blank");
        }
        summary = summary == null ? "" : summary;
    }

    /** An entry without before/after values. */
    public static AuditEntry of(Principal principal, String action, String objectType, String objectId,
            String summary) {
        return new AuditEntry(principal, action, objectType, objectId, summary, null, null);
    }
}
