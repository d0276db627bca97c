package org.opsbench.changes;

/**
 * Key figures of the changes that ended implementation in a period.
 *
 * @param implemented
 *            implemented successfully (and later reviewed or closed)
 * @param failed
 *            failed, whether rolled back or not
 * @param rolledBack
 *            of the failed, those rolled back
 * @param emergency
 *            emergency changes among all that ended
 */
public record ChangeMetrics(int implemented, int failed, int rolledBack, int emergency) {

    /** All that ended. */
    public int total() {
        return implemented + failed;
    }

    /** Share of the ended changes that succeeded, 0 to 1; 1 when none ended. */
    public double successRate() {
        return total() == 0 ? 1 : implemented / (double) total();
    }

    /** Share of emergency changes among those that ended, 0 to 1. */
    public double emergencyRatio() {
        return total() == 0 ? 0 : emergency / (double) total();
    }
}
