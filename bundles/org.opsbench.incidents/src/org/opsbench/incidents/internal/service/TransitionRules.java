package org.opsbench.incidents.internal.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.incidents.IllegalTransitionException;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.sla.SlaClock;
import org.opsbench.incidents.internal.store.TicketRow;

/**
 * The ticket lifecycle on a locked row: which transitions are legal now (the reopen window applies to Resolved), what
 * each one does to the row and its SLA clock, and assignment. No I/O: the caller runs it inside its transaction.
 */
final class TransitionRules {

    private final IncidentsRuntime runtime;

    TransitionRules(IncidentsRuntime runtime) {
        this.runtime = runtime;
    }

    /** Refuses a change of a closed or cancelled ticket. */
    static void requireOpen(TicketRow t) {
        if (t.state == TicketState.CLOSED || t.state == TicketState.CANCELLED) {
            throw new InvalidTicketException("state", t.reference + " is " + t.state + ": it cannot be changed");
        }
    }

    /** The states legal from {@code t} now (the reopen window applies to Resolved). */
    Set<TicketState> allowed(TicketRow t, Instant now) {
        Set<TicketState> next = EnumSet.noneOf(TicketState.class);
        next.addAll(t.state.next());
        if (t.state == TicketState.RESOLVED && !reopenable(t, now)) {
            next.remove(TicketState.IN_PROGRESS);
        }
        return next;
    }

    private boolean reopenable(TicketRow t, Instant now) {
        return t.resolved != null && !now.isAfter(Instant.ofEpochMilli(t.resolved)
                .plus(runtime.settings().reopenWindow()));
    }

    /** Applies a legal transition to the locked row; returns the worklog line. */
    String apply(Principal caller, TicketRow t, TransitionRequest request, Instant now) {
        TicketState from = t.state;
        TicketState to = request.target();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(t.reference, from, to, allowed(t, now), null);
        }
        if (from == TicketState.RESOLVED && to == TicketState.IN_PROGRESS && !reopenable(t, now)) {
            throw new IllegalTransitionException(t.reference, from, to, allowed(t, now),
                    "the reopen window of " + runtime.settings().reopenWindow() + " has passed");
        }
        BusinessTime time = runtime.businessTime();
        switch (to) {
            case ASSIGNED -> {
                if (t.assignee == null && t.group == null) {
                    throw new InvalidTicketException("assignee", "assign " + t.reference
                            + " to a group or a person first");
                }
            }
            case IN_PROGRESS -> {
                if (t.assignee == null) {
                    t.assignee = caller.name();
                    t.assignments++;
                }
                t.pendingReason = null;
                if (from == TicketState.RESOLVED) {
                    t.resolved = null;
                    t.resolutionCode = null;
                    t.resolutionNotes = null;
                }
                SlaClock.resume(t, now, time);
            }
            case PENDING -> {
                t.pendingReason = Validation.text("reason", request.reason(), 1000, true);
                SlaClock.pause(t, now);
            }
            case RESOLVED -> {
                t.resolutionCode = Validation.text("resolutionCode", request.resolutionCode(), 100, true);
                t.resolutionNotes = Validation.text("notes", request.notes(), 4000, true);
                if (t.resolutionDue != null && now.toEpochMilli() > t.resolutionDue) {
                    t.breached = true;
                }
                t.resolved = now.toEpochMilli();
                t.pendingReason = null;
                SlaClock.pause(t, now);
            }
            case CLOSED, CANCELLED -> SlaClock.pause(t, now);
            case NEW -> throw new IllegalStateException("NEW is never a target");
        }
        if (t.responded == null) {
            t.responded = now.toEpochMilli();
            if (t.responseDue != null && t.responded > t.responseDue) {
                t.responseBreached = true;
            }
        }
        t.state = to;
        String detail = to == TicketState.PENDING
                ? t.pendingReason
                : to == TicketState.RESOLVED ? t.resolutionCode + ": " + t.resolutionNotes : request.reason();
        return from + " -> " + to + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }

    /**
     * Assigns the locked row to group {@code g} and person {@code a} (either may be null); returns the worklog line.
     */
    String assign(TicketRow t, String g, String a, Instant now) {
        requireOpen(t);
        if (t.state == TicketState.RESOLVED) {
            throw new InvalidTicketException("state", t.reference + " is resolved: reopen it first");
        }
        if (a != null && !a.equals(t.assignee)) {
            t.assignments++;
        }
        t.group = g;
        t.assignee = a;
        if (t.state == TicketState.NEW && (a != null || g != null)) {
            t.state = TicketState.ASSIGNED;
            if (t.responded == null) {
                t.responded = now.toEpochMilli();
                t.responseBreached = t.responseDue != null && t.responded > t.responseDue;
            }
        }
        return "assigned to " + (g == null ? "-" : g) + " / " + (a == null ? "-" : a);
    }
}
