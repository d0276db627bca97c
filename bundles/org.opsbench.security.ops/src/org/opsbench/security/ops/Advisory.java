package org.opsbench.security.ops;

import java.time.Instant;
import java.util.List;

/**
 * A vulnerability advisory as imported from OSV: its id ({@code DSA-5532-1}, {@code CVE-2023-5678}), aliases, summary,
 * CVSS v3 vector and computed base score ({@code -1} when none), rating, and the packages it affects.
 */
public record Advisory(String id, List<String> aliases, String summary, Instant modified, String cvssVector,
        double score, RiskLevel risk, List<AffectedPackage> affected) {

    /** Copies the lists. */
    public Advisory {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
        summary = summary == null ? "" : summary;
        cvssVector = cvssVector == null ? "" : cvssVector;
    }
}
