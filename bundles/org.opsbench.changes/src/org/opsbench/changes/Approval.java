package org.opsbench.changes;

import java.time.Instant;

/**
 * One board member's decision on a change.
 *
 * @param approver
 *            login of the member
 * @param approved
 *            approve or reject
 * @param comment
 *            why
 * @param at
 *            when
 * @param afterImplementation
 *            whether it was given after implementation started (the post-approval of an emergency change)
 */
public record Approval(String approver, boolean approved, String comment, Instant at, boolean afterImplementation) {
}
