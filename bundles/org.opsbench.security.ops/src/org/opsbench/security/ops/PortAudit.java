package org.opsbench.security.ops;

import java.time.Instant;
import java.util.List;

/**
 * A host's port and firewall audit: what listens, what of it is not in the approved baseline (of the host or of its CI
 * type), whether the firewall ruleset could be read ({@code firewall} says how, or why not: "not available: ..."), and
 * the rule drift against the last accepted ruleset (diff lines, {@code +} added, {@code -} removed; empty when none or
 * nothing accepted yet).
 */
public record PortAudit(String host, Instant checked, String source, List<ListeningPort> listening,
        List<ListeningPort> unapproved, String firewall, boolean firewallAvailable, List<String> ruleDrift) {

    /** Copies the lists. */
    public PortAudit {
        listening = List.copyOf(listening);
        unapproved = List.copyOf(unapproved);
        ruleDrift = List.copyOf(ruleDrift);
    }
}
