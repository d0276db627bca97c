package org.opsbench.monitoring;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;

/**
 * The current state of one check, as the status board shows it.
 *
 * @param key
 *            which check
 * @param type
 *            its check type
 * @param state
 *            the state of the last result ({@code null} before the first run)
 * @param stateType
 *            SOFT while a problem is not yet confirmed
 * @param attempt
 *            the attempt of a SOFT problem (1 when HARD)
 * @param maxAttempts
 *            attempts to a HARD state
 * @param hardState
 *            the last confirmed state
 * @param output
 *            the summary line of the last result
 * @param metrics
 *            the metrics of the last result
 * @param lastCheck
 *            when it last ran, or {@code null}
 * @param lastStateChange
 *            when its state last changed, or {@code null}
 * @param nextCheck
 *            when it runs next, or {@code null} when not scheduled
 * @param flapping
 *            whether it is flapping (notifications held back)
 * @param percentStateChange
 *            the weighted state change over the last 21 results
 * @param hostReachable
 *            {@code false} while its host is DOWN or UNREACHABLE (its problems do not alert)
 * @param acknowledgement
 *            the acknowledgement of the current problem, or {@code null}
 * @param inDowntime
 *            whether a maintenance window covers it now
 * @param enabled
 *            whether it is scheduled
 */
public record CheckStatus(CheckKey key, String type, Health state, StateType stateType, int attempt,
        int maxAttempts, Health hardState, String output, List<Metric> metrics, Instant lastCheck,
        Instant lastStateChange, Instant nextCheck, boolean flapping, double percentStateChange,
        boolean hostReachable, Acknowledgement acknowledgement, boolean inDowntime, boolean enabled) {

    /** Copies the metrics. */
    public CheckStatus {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /**
     * Whether this is a problem an operator should look at: a HARD non-OK state that is not acknowledged, not in
     * downtime and not behind an unreachable host.
     */
    public boolean unhandledProblem() {
        return hardState != null && hardState != Health.OK && stateType == StateType.HARD && acknowledgement == null
                && !inDowntime && hostReachable;
    }
}
