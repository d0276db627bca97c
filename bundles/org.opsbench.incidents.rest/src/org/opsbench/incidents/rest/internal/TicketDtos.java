package org.opsbench.incidents.rest.internal;

import java.time.Instant;
import java.util.List;

import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.WorklogEntry;

/** The JSON shapes of the tickets resource. */
public final class TicketDtos {

    private TicketDtos() {
    }

    /** A configuration item a ticket is about. */
    public record CiDto(String id, String type, String name) {
    }

    /** The SLA clock of a ticket. */
    public record SlaDto(String policy, Instant responseDue, Instant resolutionDue, boolean paused, int percentUsed,
            boolean breached) {
    }

    /** A ticket. */
    public record TicketDto(String reference, String kind, String title, String description, String reporter,
            String caller,
            String category, List<CiDto> cis, int impact, int urgency, String priority, String queue,
            String assignee, String state, String pendingReason, String resolutionCode, String resolutionNotes,
            String problem, String source, Instant created, Instant updated, Instant resolvedAt, SlaDto sla) {

        static TicketDto of(Ticket t) {
            return new TicketDto(t.reference(), t.kind().name(), t.title(), t.description(), t.reporter(),
                    t.caller(), t.category(),
                    t.cis().stream().map(c -> new CiDto(c.id(), c.type(), c.name())).toList(), t.impact(),
                    t.urgency(), t.priority() == null ? null : t.priority().name(), t.group(), t.assignee(),
                    t.state().name(), t.pendingReason(), t.resolutionCode(), t.resolutionNotes(), t.problem(),
                    t.source(), t.created(), t.updated(), t.resolvedAt(),
                    t.sla() == null
                            ? null
                            : new SlaDto(t.sla().policy(), t.sla().responseDue(), t.sla().resolutionDue(),
                                    t.sla().paused(), t.sla().percentUsed(), t.sla().breached()));
        }
    }

    /** Body of {@code POST /api/v1/tickets}: kind INCIDENT (default) or REQUEST, impact and urgency 1-3. */
    public record NewTicket(String kind, String title, String description, String caller, String category,
            List<String> ciIds, Integer impact, Integer urgency, String queue, String assignee) {
    }

    /** Body of a transition: the target state and what it needs (reason for PENDING, code and notes to resolve). */
    public record TransitionBody(String target, String reason, String resolutionCode, String notes) {
    }

    /** Body of an assignment: queue (assignment group) and assignee, either may be null. */
    public record AssignBody(String queue, String assignee) {
    }

    /** Body of a comment; {@code minutesSpent} above 0 records work done. */
    public record CommentBody(String text, Integer minutesSpent) {
    }

    /** A worklog line. */
    public record CommentDto(Instant at, String author, String kind, String text, long minutesSpent) {

        static CommentDto of(WorklogEntry w) {
            return new CommentDto(w.at(), w.author(), w.kind().name(), w.text(),
                    w.timeSpent() == null ? 0 : w.timeSpent().toMinutes());
        }
    }
}
