package org.opsbench.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opsbench.core.Principal;

/**
 * What is up and what is failing, and what operators do about it. A service.
 * <p>
 * Reads need {@link MonitoringPermissions#READ}; acknowledging and scheduling downtime need
 * {@link MonitoringPermissions#ACKNOWLEDGE}; running a check now needs {@link MonitoringPermissions#WRITE}. Every
 * operator action is audited.
 */
public interface Monitoring {

    /** The state of every host, by name. */
    List<HostStatus> hosts(Principal caller);

    /** The state of every check (of {@code host}, or of all hosts when {@code null}), by host and name. */
    List<CheckStatus> checks(Principal caller, String host);

    /** The checks and hosts in a HARD problem state, worst first. */
    List<CheckStatus> problems(Principal caller);

    /**
     * Runs a check (or a host check, for a host key) now, outside its schedule, and waits for its result.
     *
     * @throws IllegalArgumentException
     *             when no such check exists
     */
    CheckStatus runNow(Principal caller, CheckKey key, Duration wait) throws InterruptedException;

    /**
     * Acknowledges the current problem of a host or check: no more repeats or escalations until its state changes.
     *
     * @throws IllegalStateException
     *             when it is not in a problem state
     */
    void acknowledge(Principal caller, CheckKey key, String comment);

    /** Removes an acknowledgement; returns whether there was one. */
    boolean removeAcknowledgement(Principal caller, CheckKey key);

    /** Schedules a maintenance window; returns it with its id. */
    Downtime scheduleDowntime(Principal caller, CheckKey target, Instant start, Instant end, String comment);

    /**
     * Cancels a maintenance window: one under way ends now and stays on record, a planned one is removed. Returns
     * whether there was such a window that had not ended.
     */
    boolean cancelDowntime(Principal caller, long id);

    /** The maintenance windows overlapping {@code [from, to)}, by start. */
    List<Downtime> downtimes(Principal caller, Instant from, Instant to);

    /** The state changes of a host or check in {@code [from, to)}, newest first, at most {@code limit}. */
    List<StateHistoryEntry> history(Principal caller, CheckKey key, Instant from, Instant to, int limit);

    /** The alert log in {@code [from, to)}, newest first, at most {@code limit}. */
    List<AlertRecord> alerts(Principal caller, Instant from, Instant to, int limit);

    /**
     * The metric history of a host or check in {@code [from, to)}: one entry per metric its results reported (the
     * {@link org.opsbench.monitoring.metrics.MetricStore} series {@link CheckKey#seriesName(String)}), by metric name,
     * each in at most about {@code maxPoints} points at the resolution the store picks (raw samples, else 5-minute or
     * 1-hour rollups). Empty when it never reported a metric. Needs {@link MonitoringPermissions#READ}.
     *
     * @throws IllegalArgumentException
     *             when {@code to} is not after {@code from} or {@code maxPoints} is below 1
     * @since 0.3.0
     */
    List<MetricHistory> metrics(Principal caller, CheckKey key, Instant from, Instant to, int maxPoints);

    /**
     * The share of {@code [from, to)} a host was UP or a check OK (HARD states; time before the first result does not
     * count), from the state history.
     */
    Availability availability(Principal caller, CheckKey key, Instant from, Instant to);

    /**
     * Time in each state over a period.
     *
     * @param key
     *            the host or check
     * @param okMillis
     *            time UP / OK
     * @param problemMillis
     *            time in any other state
     * @param unknownMillis
     *            time with no state known (before the first result)
     */
    record Availability(CheckKey key, long okMillis, long problemMillis, long unknownMillis) {

        /** Up time in percent of the time the state was known; 100 when nothing is known. */
        public double percent() {
            long known = okMillis + problemMillis;
            return known == 0 ? 100.0 : okMillis * 100.0 / known;
        }
    }
}
