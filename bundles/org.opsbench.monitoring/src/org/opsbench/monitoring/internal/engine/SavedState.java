package org.opsbench.monitoring.internal.engine;

import java.time.Instant;

import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.StateType;

/**
 * The persisted runtime state of a host or check (a row of {@code MON_STATE}), enough to resume after a restart without
 * a spurious alert or a lost acknowledgement.
 *
 * @param recent
 *            ordinals of the last results for flap detection, comma-separated, oldest first
 * @param lastNotified
 *            when a notification last went out for the current problem, or {@code null}
 * @param heldBack
 *            whether a problem notification was held back (maintenance window, host not UP, flapping) and is still owed
 * @param notifiedSince
 *            when the current problem was first notified (escalations count from it), or {@code null}
 */
public record SavedState(CheckKey key, String state, StateType type, int attempt, String hardState, String output,
        Instant lastCheck, Instant lastChange, String recent, boolean flapping, boolean problemAlerted,
        Instant problemSince, boolean problemNotified, boolean escalated, Instant lastNotified,
        Acknowledgement acknowledgement, boolean heldBack, Instant notifiedSince) {
}
