package org.opsbench.monitoring;

/**
 * What a {@link StateMachine} reports after a result; later code turns these into events and notifications.
 *
 * @param <S>
 *            the state type ({@link org.opsbench.core.spi.Health} for checks, {@link HostState} for hosts)
 */
public sealed interface Transition<S extends Enum<S>> {

    /** The state changed but is not confirmed yet (or recovered before it was): no alert. */
    record SoftStateChanged<S extends Enum<S>>(S oldState, S newState, int attempt) implements Transition<S> {
    }

    /**
     * The hard state changed.
     *
     * @param alert
     *            whether operators should be told: {@code false} for UNREACHABLE hosts, for recoveries from a state
     *            that did not alert, and while flapping
     */
    record HardStateChanged<S extends Enum<S>>(S oldState, S newState, boolean alert) implements Transition<S> {
    }

    /** The percent state change rose above the high threshold. */
    record FlappingStarted<S extends Enum<S>>(double percentStateChange) implements Transition<S> {
    }

    /** The percent state change fell below the low threshold. */
    record FlappingStopped<S extends Enum<S>>(double percentStateChange) implements Transition<S> {
    }
}
