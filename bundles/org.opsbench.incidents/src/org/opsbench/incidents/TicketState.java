package org.opsbench.incidents;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a ticket. Only the transitions of {@link #next()} are legal: New &rarr; Assigned &rarr; In progress
 * &rarr; Pending &rarr; Resolved &rarr; Closed, with shortcuts to Resolved (first contact resolution) and Cancelled
 * from every open state; a Resolved ticket is reopened (back to In progress) within the reopen window. Closed and
 * Cancelled are final.
 */
public enum TicketState {
    /** Logged, not yet taken. */
    NEW,
    /** Given to an assignee or a group. */
    ASSIGNED,
    /** Being worked on. */
    IN_PROGRESS,
    /** Waiting on someone else (a reason is required); SLA clocks pause. */
    PENDING,
    /** Service restored or request fulfilled (resolution code and notes required). */
    RESOLVED,
    /** Confirmed and final. */
    CLOSED,
    /** Withdrawn; final. */
    CANCELLED;

    /** The states reachable from this one in one legal transition. */
    public Set<TicketState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, CANCELLED);
            case ASSIGNED -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(PENDING, RESOLVED, CANCELLED);
            case PENDING -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED, CANCELLED -> EnumSet.noneOf(TicketState.class);
        };
    }

    /** Whether {@code target} is one legal step away. */
    public boolean canMoveTo(TicketState target) {
        return next().contains(target);
    }

    /** Whether work on the ticket is still due (not resolved, closed or cancelled). */
    public boolean isOpen() {
        return this == NEW || this == ASSIGNED || this == IN_PROGRESS || this == PENDING;
    }

    /** A human label such as "In progress". */
    public String label() {
        String s = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
