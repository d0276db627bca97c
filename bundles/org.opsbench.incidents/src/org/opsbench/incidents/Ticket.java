package org.opsbench.incidents;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;
import org.opsbench.core.Priority;

/**
 * An incident or service request as read.
 *
 * @param reference
 *            {@code INC-000123} or {@code REQ-000045}
 * @param kind
 *            incident or request
 * @param title
 *            one line
 * @param description
 *            free text, possibly empty
 * @param reporter
 *            login of who logged it
 * @param caller
 *            contact of the affected user (name, mail or phone), possibly empty
 * @param category
 *            category, possibly empty
 * @param cis
 *            affected configuration items
 * @param impact
 *            impact level, 1 = highest
 * @param urgency
 *            urgency level, 1 = highest
 * @param priority
 *            from the priority matrix (or raised by an escalation)
 * @param group
 *            assignment group (queue), possibly {@code null}
 * @param assignee
 *            login of the assignee, possibly {@code null}
 * @param state
 *            lifecycle state
 * @param pendingReason
 *            why it is pending, when it is
 * @param resolutionCode
 *            resolution code once resolved
 * @param resolutionNotes
 *            resolution notes once resolved
 * @param problem
 *            reference of the linked problem ({@code PRB-000001}), or {@code null}
 * @param source
 *            the event source that opened it (for example {@code monitoring:web-01/http}), or {@code null}
 * @param created
 *            when it was logged
 * @param updated
 *            last change
 * @param respondedAt
 *            when it first left New
 * @param resolvedAt
 *            when it was (last) resolved
 * @param assignments
 *            how often it was assigned to someone (1 means never reassigned)
 * @param sla
 *            the SLA clock
 */
public record Ticket(String reference, TicketKind kind, String title, String description, String reporter,
        String caller, String category, List<CiRef> cis, int impact, int urgency, Priority priority, String group,
        String assignee, TicketState state, String pendingReason, String resolutionCode, String resolutionNotes,
        String problem, String source, Instant created, Instant updated, Instant respondedAt, Instant resolvedAt,
        int assignments, Sla sla) {

    /** Copies the list. */
    public Ticket {
        cis = cis == null ? List.of() : List.copyOf(cis);
    }
}
