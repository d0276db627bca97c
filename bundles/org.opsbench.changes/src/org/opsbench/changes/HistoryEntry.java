package org.opsbench.changes;

import java.time.Instant;

/**
 * One move of a change through its workflow.
 *
 * @param from
 *            the state before, {@code null} for creation
 * @param to
 *            the state after
 * @param principal
 *            who moved it
 * @param at
 *            when
 * @param comment
 *            why, possibly empty
 */
public record HistoryEntry(ChangeState from, ChangeState to, String principal, Instant at, String comment) {
}
