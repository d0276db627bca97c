package org.opsbench.monitoring;

import java.time.Instant;

/**
 * The current state of one host.
 *
 * @param name
 *            the host
 * @param address
 *            its address
 * @param state
 *            UP, DOWN or UNREACHABLE (behind a down parent); {@code null} before its first check
 * @param stateType
 *            SOFT while a problem is not yet confirmed
 * @param output
 *            the summary line of the last host check
 * @param lastCheck
 *            when the host check last ran, or {@code null}
 * @param lastStateChange
 *            when its state last changed, or {@code null}
 * @param acknowledgement
 *            acknowledgement of the current problem, or {@code null}
 * @param inDowntime
 *            whether a maintenance window covers it now
 * @param enabled
 *            whether it is monitored
 */
public record HostStatus(String name, String address, HostState state, StateType stateType, String output,
        Instant lastCheck, Instant lastStateChange, Acknowledgement acknowledgement, boolean inDowntime,
        boolean enabled) {
}
