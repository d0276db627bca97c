package org.opsbench.incidents;

import java.time.Duration;
import java.util.Map;

import org.opsbench.core.Priority;

/**
 * Service-desk figures for a period.
 *
 * @param mtta
 *            mean time to acknowledge (logging to leaving New) of tickets responded in the period, wall-clock;
 *            {@code null} without any
 * @param mttr
 *            mean time to resolve of tickets resolved in the period, wall-clock; {@code null} without any
 * @param backlog
 *            open tickets now, by priority
 * @param backlogByAge
 *            open tickets now by age: {@code <1d}, {@code 1-7d}, {@code >7d}
 * @param resolved
 *            tickets resolved in the period
 * @param slaCompliance
 *            percent of tickets resolved in the period without a breach; {@code -1} without any
 * @param firstContactResolution
 *            percent of tickets resolved in the period without being reassigned; {@code -1} without any
 * @param breachedOpen
 *            open tickets whose SLA is breached now
 */
public record Metrics(Duration mtta, Duration mttr, Map<Priority, Long> backlog, Map<String, Long> backlogByAge,
        long resolved, int slaCompliance, int firstContactResolution, long breachedOpen) {

    /** Copies. */
    public Metrics {
        backlog = Map.copyOf(backlog);
        backlogByAge = Map.copyOf(backlogByAge);
    }

    /** All open tickets. */
    public long backlogTotal() {
        return backlog.values().stream().mapToLong(Long::longValue).sum();
    }
}
