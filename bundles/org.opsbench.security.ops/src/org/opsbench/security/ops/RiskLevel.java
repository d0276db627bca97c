package org.opsbench.security.ops;

import org.opsbench.core.Severity;

/** The CVSS qualitative rating of a finding; the declaration order is the order of badness. */
public enum RiskLevel {
    /** Score 0, or nothing known. */
    NONE,
    /** 0.1 to 3.9. */
    LOW,
    /** 4.0 to 6.9. */
    MEDIUM,
    /** 7.0 to 8.9. */
    HIGH,
    /** 9.0 to 10.0. */
    CRITICAL;

    /** The rating of a CVSS base score. */
    public static RiskLevel ofScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : NONE;
    }

    /** A Debian security tracker urgency ({@code low}, {@code medium}, {@code high}, {@code unimportant}...). */
    public static RiskLevel ofUrgency(String urgency) {
        String u = urgency == null ? "" : urgency.strip().toLowerCase(java.util.Locale.ROOT).replace("*", "");
        return switch (u) {
            case "critical", "emergency" -> CRITICAL;
            case "high" -> HIGH;
            case "medium" -> MEDIUM;
            case "low", "unimportant" -> LOW;
            default -> NONE;
        };
    }

    /** Parses a name case-insensitively; the error names {@code field}. */
    public static RiskLevel parse(String text, String field) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "'" + text + "' is not one of none, low, medium, high, critical");
        }
    }

    /** The event severity a finding of this rating posts. */
    public Severity severity() {
        return switch (this) {
            case NONE -> Severity.INFO;
            case LOW -> Severity.WARNING;
            case MEDIUM -> Severity.MINOR;
            case HIGH -> Severity.MAJOR;
            case CRITICAL -> Severity.CRITICAL;
        };
    }
}
