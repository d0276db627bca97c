package org.opsbench.monitoring;

import java.time.Instant;

import org.opsbench.core.CiRef;

/**
 * Posts hard state changes on {@link org.opsbench.core.events.Topics#MONITORING_STATE_CHANGED}, for the incidents area
 * and notifiers. A service; posting is asynchronous and silently skipped while no EventAdmin runs.
 */
public interface StateChangePublisher {

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
