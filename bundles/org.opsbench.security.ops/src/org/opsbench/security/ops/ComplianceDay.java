package org.opsbench.security.ops;

import java.time.LocalDate;

/** The compliance of one day (UTC): hosts checked, hosts compliant, and the percentage. */
public record ComplianceDay(LocalDate day, int hosts, int compliant, double percent) {
}
