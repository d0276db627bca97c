package org.opsbench.security.ops;

import java.time.Instant;
import java.util.List;

/**
 * A host's patch compliance at its last check: pending updates, how many of them are security updates, since when the
 * oldest security update is pending ({@code null} when none), the last package update ({@code null} when unknown),
 * whether a reboot is required, and whether the host complies with the policy (no security update pending longer than
 * the configured number of days). {@code error} is non-empty when the check failed.
 */
public record PatchStatus(String host, Instant checked, String manager, List<PendingUpdate> pending, int security,
        Instant oldestSecuritySince, Instant lastUpdate, boolean rebootRequired, boolean compliant, String error) {

    /** Copies the list. */
    public PatchStatus {
        pending = List.copyOf(pending);
        error = error == null ? "" : error;
    }
}
