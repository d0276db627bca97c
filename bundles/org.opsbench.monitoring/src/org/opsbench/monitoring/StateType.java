package org.opsbench.monitoring;

/** Whether a state is confirmed: SOFT while a problem is being retried, HARD once confirmed (or on recovery). */
public enum StateType {
    /** Seen, not yet confirmed by {@code maxAttempts} results; no alert. */
    SOFT,
    /** Confirmed; a change of the hard state is what alerts. */
    HARD
}
