package org.opsbench.monitoring;

/**
 * Where a {@link StateMachine} stands.
 *
 * @param state
 *            the current (soft or hard) state
 * @param type
 *            SOFT or HARD
 * @param attempt
 *            the current attempt, 1 when OK
 * @param maxAttempts
 *            results needed to confirm a problem
 * @param hardState
 *            the last confirmed state
 * @param flapping
 *            whether the state is flapping
 * @param percentStateChange
 *            the weighted percent state change over the recent results
 */
public record StateSnapshot<S extends Enum<S>>(S state, StateType type, int attempt, int maxAttempts, S hardState,
        boolean flapping, double percentStateChange) {
}
