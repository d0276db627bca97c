package org.opsbench.incidents;

import java.util.Set;

import org.opsbench.core.Priority;

/**
 * One page of a ticket queue.
 *
 * @param scope
 *            whose tickets
 * @param states
 *            states to show; empty for every state
 * @param priorities
 *            priorities to show; empty for every priority
 * @param text
 *            text the reference or title contains (case-insensitive), empty for any
 * @param sort
 *            sort key
 * @param ascending
 *            sort direction
 * @param offset
 *            rows to skip
 * @param limit
 *            rows at most, 1..1000
 */
public record QueueQuery(Scope scope, Set<TicketState> states, Set<Priority> priorities, String text, Sort sort,
        boolean ascending, int offset, int limit) {

    /** Whose tickets a queue shows. */
    public enum Scope {
        /** Assigned to the caller. */
        MINE,
        /** In the assignment groups the caller is a member of. */
        MY_GROUPS,
        /** All tickets. */
        ALL
    }

    /** Sort keys. */
    public enum Sort {
        /** The resolution deadline, paused and SLA-less tickets last. */
        SLA_DEADLINE,
        /** Priority. */
        PRIORITY,
        /** Logged time. */
        CREATED,
        /** Last change. */
        UPDATED,
        /** Reference. */
        REFERENCE,
        /** State. */
        STATE
    }

    /** Validates and copies. */
    public QueueQuery {
        scope = scope == null ? Scope.ALL : scope;
        states = states == null ? Set.of() : Set.copyOf(states);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        text = text == null ? "" : text.strip();
        sort = sort == null ? Sort.SLA_DEADLINE : sort;
        if (offset < 0) {
            throw new InvalidTicketException("offset", "must not be negative, was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidTicketException("limit", "1..1000, was " + limit);
        }
    }

    /** All open tickets by SLA deadline, first 50. */
    public static QueueQuery open() {
        return new QueueQuery(Scope.ALL, Set.of(TicketState.NEW, TicketState.ASSIGNED, TicketState.IN_PROGRESS,
                TicketState.PENDING), Set.of(), "", Sort.SLA_DEADLINE, true, 0, 50);
    }
}
