package org.opsbench.monitoring;

import java.time.Instant;

import org.opsbench.core.CiRef;

/**
 * Posts hard state changes on {@link org.opsbench.core.events.Topics#MONITORING_STATE_CHANGED}, for the incidents area
 * and notifiers. A service; posting is asynchronous and silently skipped while no EventAdmin runs.
 * <p>
 * The event carries {@code CI_ID}, {@code CI_TYPE}, {@code CI_NAME}, {@code OLD_STATE}, {@code NEW_STATE},
 * {@code SEVERITY}, {@code SUMMARY} and {@code TIMESTAMP} of {@link org.opsbench.core.events.EventProperties}, and
 * {@value #ALERT} ({@code Boolean}): whether operators should be told (see
 * {@link Transition.HardStateChanged#alert()}).
 */
public interface StateChangePublisher {

    /** Event property: {@code Boolean}, whether the change should alert. */
    String ALERT = "alert";

    /**
     * Posts one hard state change of {@code ci}.
     *
     * @param change
     *            the change, as the {@link StateMachine} reported it
     * @param summary
     *            the summary line of the result that caused it
     * @param at
     *            when the result came in
     * @return whether an EventAdmin took the event
     */
    boolean publish(CiRef ci, Transition.HardStateChanged<?> change, String summary, Instant at);
}
