package org.opsbench.changes;

import java.util.List;

/**
 * A change's risk: a score from 0 to 100 and the reasons that make it up, each with its points.
 *
 * @param score
 *            0 (none) to 100
 * @param level
 *            the score's band
 * @param reasons
 *            one line per contribution, for example {@code +30 web-01 is of criticality high}
 */
public record RiskAssessment(int score, Level level, List<String> reasons) {

    /** Bands of the score. */
    public enum Level {
        /** Below 30. */
        LOW,
        /** 30 to 59. */
        MEDIUM,
        /** 60 and more. */
        HIGH
    }

    /** Copies the list. */
    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }

    /** The band of {@code score}. */
    public static Level levelOf(int score) {
        return score >= 60 ? Level.HIGH : score >= 30 ? Level.MEDIUM : Level.LOW;
    }
}
