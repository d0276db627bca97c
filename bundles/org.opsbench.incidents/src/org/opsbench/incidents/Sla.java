package org.opsbench.incidents;

import java.time.Instant;

/**
 * A ticket's SLA clock as of when the ticket was read.
 *
 * @param policy
 *            the policy that applies, or {@code null} when none does (then all other values are empty)
 * @param responseDue
 *            when the first response is due
 * @param resolutionDue
 *            when the resolution is due; {@code null} while the clock is paused (Pending)
 * @param paused
 *            whether the clock stands still now
 * @param percentUsed
 *            share of the resolution target used so far, in business time (may exceed 100)
 * @param warned
 *            whether the near-breach warning was raised
 * @param breached
 *            whether the resolution (or response) target was missed
 */
public record Sla(String policy, Instant responseDue, Instant resolutionDue, boolean paused, int percentUsed,
        boolean warned, boolean breached) {

    /** No policy applies. */
    public static Sla none() {
        return new Sla(null, null, null, false, 0, false, false);
    }
}
