package org.opsbench.incidents.internal.store;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;
import org.opsbench.core.Priority;
import org.opsbench.incidents.Sla;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;

/** A row of {@code INC_TICKET} as the services change it; becomes a {@link Ticket} on the way out. */
public final class TicketRow {

    public long id;
    public String reference;
    public TicketKind kind = TicketKind.INCIDENT;
    public String title = "";
    public String description = "";
    public String reporter = "";
    public String caller = "";
    public String category = "";
    public List<CiRef> cis = List.of();
    public int impact;
    public int urgency;
    public Priority priority;
    public String group;
    public String assignee;
    public TicketState state = TicketState.NEW;
    public String pendingReason;
    public String resolutionCode;
    public String resolutionNotes;
    public String problem;
    public String source;
    public long created;
    public long updated;
    public Long responded;
    public Long resolved;
    public int assignments;
    public String slaPolicy;
    public long responseTargetMs;
    public long resolutionTargetMs;
    public int warnPercent = 80;
    public long pausedMs;
    public Long pauseStart;
    public Long responseDue;
    public Long resolutionDue;
    public Long warnAt;
    public boolean warned;
    public boolean breached;
    public boolean responseBreached;

    /** A copy, for before/after audit records. */
    public TicketRow copy() {
        TicketRow c = new TicketRow();
        c.id = id;
        c.reference = reference;
        c.kind = kind;
        c.title = title;
        c.description = description;
        c.reporter = reporter;
        c.caller = caller;
        c.category = category;
        c.cis = cis;
        c.impact = impact;
        c.urgency = urgency;
        c.priority = priority;
        c.group = group;
        c.assignee = assignee;
        c.state = state;
        c.pendingReason = pendingReason;
        c.resolutionCode = resolutionCode;
        c.resolutionNotes = resolutionNotes;
        c.problem = problem;
        c.source = source;
        c.created = created;
        c.updated = updated;
        c.responded = responded;
        c.resolved = resolved;
        c.assignments = assignments;
        c.slaPolicy = slaPolicy;
        c.responseTargetMs = responseTargetMs;
        c.resolutionTargetMs = resolutionTargetMs;
        c.warnPercent = warnPercent;
        c.pausedMs = pausedMs;
        c.pauseStart = pauseStart;
        c.responseDue = responseDue;
        c.resolutionDue = resolutionDue;
        c.warnAt = warnAt;
        c.warned = warned;
        c.breached = breached;
        c.responseBreached = responseBreached;
        return c;
    }

    /** The record, with an SLA view computed by the caller. */
    public Ticket toTicket(Sla sla) {
        return new Ticket(reference, kind, title, description, reporter, caller, category, cis, impact, urgency,
                priority, group, assignee, state, pendingReason, resolutionCode, resolutionNotes, problem, source,
                Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated), instant(responded), instant(resolved),
                assignments, sla);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** A short rendering for audit records (no description). */
    public String summary() {
        return reference + " [" + state + ", " + priority + ", impact " + impact + ", urgency " + urgency + ", group "
                + group + ", assignee " + assignee + (problem == null ? "" : ", problem " + problem) + "] " + title;
    }
}
