package org.opsbench.security.ops;

import java.time.Instant;
import java.util.List;

/**
 * A vulnerable package on a host: the installed and the fixed version ({@code ""} when no fix is known), the advisory
 * and its aliases (CVE ids), the rating and CVSS score, when it was first and last seen, and its status with who
 * accepted the risk, why and until when.
 */
public record Finding(long id, String host, String ciId, String packageName, String installed, String fixed,
        String advisoryId, List<String> aliases, RiskLevel risk, double score, Instant firstSeen, Instant lastSeen,
        FindingStatus status, String acceptedReason, Instant acceptedUntil, String acceptedBy, Instant fixedAt) {

    /** Copies the aliases. */
    public Finding {
        aliases = List.copyOf(aliases);
    }
}
