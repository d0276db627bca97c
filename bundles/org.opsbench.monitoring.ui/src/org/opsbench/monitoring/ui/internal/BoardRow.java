package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.StateType;

/**
 * One line of the status board: a host (its reachability) or one of its checks.
 *
 * @param key
 *            the host ({@link CheckKey#isHost()}) or the check
 * @param type
 *            the check type, {@code host} for a host
 * @param state
 *            the current (soft or hard) state
 * @param stateType
 *            SOFT while a problem is retried, HARD once confirmed
 * @param attempt
 *            the attempt of a SOFT problem
 * @param maxAttempts
 *            the attempts to a HARD state (0 when unknown, for hosts)
 * @param output
 *            the summary of the last result
 * @param lastCheck
 *            when it last ran, or null
 * @param lastStateChange
 *            when its state last changed, or null
 * @param flapping
 *            whether it flaps
 * @param hostReachable
 *            false while its host is down or unreachable
 * @param acknowledgement
 *            the acknowledgement of the current problem, or null
 * @param inDowntime
 *            whether a maintenance window covers it
 * @param enabled
 *            whether it is scheduled
 */
public record BoardRow(CheckKey key, String type, BoardState state, StateType stateType, int attempt,
        int maxAttempts, String output, Instant lastCheck, Instant lastStateChange, boolean flapping,
        boolean hostReachable, Acknowledgement acknowledgement, boolean inDowntime, boolean enabled) {

    /** The row of a check. */
    public static BoardRow of(CheckStatus c) {
        return new BoardRow(c.key(), c.type(), BoardState.of(c.state()), c.stateType(), c.attempt(), c.maxAttempts(),
                c.output(), c.lastCheck(), c.lastStateChange(), c.flapping(), c.hostReachable(),
                c.acknowledgement(), c.inDowntime(), c.enabled());
    }

    /** The row of a host. */
    public static BoardRow of(HostStatus h) {
        return new BoardRow(CheckKey.host(h.name()), "host", BoardState.of(h.state()), h.stateType(), 0, 0,
                h.output(), h.lastCheck(), h.lastStateChange(), false, true, h.acknowledgement(), h.inDowntime(),
                h.enabled());
    }

    /** The rows of all hosts and checks. */
    public static List<BoardRow> of(List<HostStatus> hosts, List<CheckStatus> checks) {
        List<BoardRow> rows = new ArrayList<>(hosts.size() + checks.size());
        hosts.forEach(h -> rows.add(of(h)));
        checks.forEach(c -> rows.add(of(c)));
        return rows;
    }

    /** Whether this is a host's row. */
    public boolean isHost() {
        return key.isHost();
    }

    /** The check column: the check's name, {@code (host)} for the host itself. */
    public String checkLabel() {
        return key.isHost() ? "(host)" : key.check();
    }

    /** Whether the state is SOFT (a problem not yet confirmed). */
    public boolean soft() {
        return stateType == StateType.SOFT && state.isProblem();
    }

    /** A confirmed problem nobody handles yet: HARD, not acknowledged, not in downtime, its host reachable. */
    public boolean unhandled() {
        return state.isProblem() && stateType == StateType.HARD && acknowledgement == null && !inDowntime
                && hostReachable;
    }

    /** The attempt column: {@code HARD}, {@code SOFT 1/3}, or empty before the first result. */
    public String attemptLabel() {
        if (state == BoardState.PENDING || stateType == null) {
            return "";
        }
        if (stateType == StateType.HARD) {
            return "HARD";
        }
        return maxAttempts > 0 ? "SOFT " + attempt + "/" + maxAttempts : "SOFT";
    }

    /** The marks column: acknowledged, in downtime, flapping, host down, disabled. */
    public String flags() {
        List<String> f = new ArrayList<>();
        if (acknowledgement != null) {
            f.add("ack");
        }
        if (inDowntime) {
            f.add("downtime");
        }
        if (flapping) {
            f.add("flapping");
        }
        if (!hostReachable) {
            f.add("host down");
        }
        if (!enabled) {
            f.add("disabled");
        }
        return String.join(", ", f);
    }
}
