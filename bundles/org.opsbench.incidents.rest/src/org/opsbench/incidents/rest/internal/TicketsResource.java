package org.opsbench.incidents.rest.internal;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.incidents.IllegalTransitionException;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.rest.internal.TicketDtos.AssignBody;
import org.opsbench.incidents.rest.internal.TicketDtos.CommentBody;
import org.opsbench.incidents.rest.internal.TicketDtos.CommentDto;
import org.opsbench.incidents.rest.internal.TicketDtos.NewTicket;
import org.opsbench.incidents.rest.internal.TicketDtos.TicketDto;
import org.opsbench.incidents.rest.internal.TicketDtos.TransitionBody;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.Created;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/tickets}: incidents and requests through the {@link Incidents} service, which checks
 * {@code incidents:*} permissions and audits every change.
 */
@Component(service = TicketsResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/tickets")
@Produces("application/json")
public final class TicketsResource {

    /** The most rows the service returns for one query; a queue filter pages within them. */
    static final int SERVICE_LIMIT = 1000;

    private final Incidents incidents;

    @Activate
    public TicketsResource(@Reference Incidents incidents) {
        this.incidents = incidents;
    }

    @GET
    @ApiDoc(summary = "Tickets, most urgent SLA first", description = "Filters: state and priority (comma-separated,"
            + " e.g. state=NEW,ASSIGNED&priority=P1,P2), queue (assignment group, exact), text (in reference, title,"
            + " description).")
    public Page<TicketDto> list(@QueryParam("state") String state, @QueryParam("priority") String priority,
            @QueryParam("queue") String queue, @QueryParam("text") String text,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Principal caller = ApiCaller.principal(security);
        Set<TicketState> states = Params.set("state", state, TicketState.class);
        Set<Priority> priorities = Params.set("priority", priority, Priority.class);
        if (queue == null || queue.isBlank()) {
            QueueQuery page = query(states, priorities, text, offset, limit);
            List<TicketDto> rows = incidents.queue(caller, page).stream().map(TicketDto::of).toList();
            return new Page<>(rows, offset, limit, incidents.count(caller, page));
        }
        // the service has no queue filter: the first 1000 matches, filtered by their assignment group
        List<TicketDto> rows = incidents.queue(caller, query(states, priorities, text, 0, SERVICE_LIMIT)).stream()
                .filter(t -> queue.strip().equals(t.group())).map(TicketDto::of).toList();
        return Page.of(rows, offset, limit);
    }

    private static QueueQuery query(Set<TicketState> states, Set<Priority> priorities, String text, int offset,
            int limit) {
        return new QueueQuery(QueueQuery.Scope.ALL, states, priorities, text, QueueQuery.Sort.SLA_DEADLINE, true,
                offset, limit);
    }

    @GET
    @Path("{reference}")
    @ApiDoc(summary = "One ticket")
    public TicketDto get(@PathParam("reference") String reference, @Context SecurityContext security) {
        return TicketDto.of(find(ApiCaller.principal(security), reference));
    }

    @POST
    @Created("reference")
    @ApiDoc(summary = "Opens a ticket", description = "Body: title (required), impact and urgency 1-3 (priority follows"
            + " from the matrix), kind INCIDENT or REQUEST, description, caller, category, ciIds, queue, assignee.")
    public TicketDto create(NewTicket body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiProblem.badRequest(null, "a JSON body with title, impact and urgency is required");
        }
        TicketKind kind = Params.one("kind", body.kind(), TicketKind.class);
        if (body.impact() == null) {
            throw ApiProblem.badRequest("impact", "impact is required (1-3)");
        }
        if (body.urgency() == null) {
            throw ApiProblem.badRequest("urgency", "urgency is required (1-3)");
        }
        Principal caller = ApiCaller.principal(security);
        try {
            return TicketDto.of(incidents.create(caller,
                    new TicketDraft(kind, body.title(), body.description(), body.caller(), body.category(),
                            body.ciIds(), body.impact(), body.urgency(), body.queue(), body.assignee())));
        } catch (InvalidTicketException e) {
            throw badField(e);
        }
    }

    @POST
    @Path("{reference}/transition")
    @ApiDoc(summary = "Moves a ticket to another state", description = "Body: target (state), reason (for PENDING),"
            + " resolutionCode and notes (for RESOLVED). An illegal move is a 400 naming the target.")
    public TicketDto transition(@PathParam("reference") String reference, TransitionBody body,
            @Context SecurityContext security) {
        if (body == null || body.target() == null || body.target().isBlank()) {
            throw ApiProblem.badRequest("target", "target is required");
        }
        Principal caller = ApiCaller.principal(security);
        find(caller, reference);
        TicketState target = Params.one("target", body.target(), TicketState.class);
        try {
            return TicketDto.of(incidents.transition(caller, reference,
                    new TransitionRequest(target, body.reason(), body.resolutionCode(), body.notes())));
        } catch (IllegalTransitionException e) {
            throw ApiProblem.badRequest("target", e.getMessage());
        } catch (InvalidTicketException e) {
            throw "state".equals(e.field()) ? ApiProblem.badRequest("target", e.getMessage()) : badField(e);
        }
    }

    @POST
    @Path("{reference}/assignment")
    @ApiDoc(summary = "Assigns a ticket to a queue (assignment group) and an assignee")
    public TicketDto assign(@PathParam("reference") String reference, AssignBody body,
            @Context SecurityContext security) {
        if (body == null) {
            throw ApiProblem.badRequest(null, "a JSON body with queue and/or assignee is required");
        }
        Principal caller = ApiCaller.principal(security);
        find(caller, reference);
        try {
            return TicketDto.of(incidents.assign(caller, reference, body.queue(), body.assignee()));
        } catch (InvalidTicketException e) {
            throw badField(e);
        }
    }

    @GET
    @Path("{reference}/comments")
    @ApiDoc(summary = "The worklog of a ticket: comments, work done and changes")
    public Page<CommentDto> comments(@PathParam("reference") String reference,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Principal caller = ApiCaller.principal(security);
        find(caller, reference);
        return Page.of(incidents.worklog(caller, reference).stream().map(CommentDto::of).toList(), offset, limit);
    }

    @POST
    @Path("{reference}/comments")
    @ApiDoc(summary = "Adds a comment (or work done, with minutesSpent)")
    public void comment(@PathParam("reference") String reference, CommentBody body,
            @Context SecurityContext security) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw ApiProblem.badRequest("text", "text is required");
        }
        int minutes = body.minutesSpent() == null ? 0 : body.minutesSpent();
        if (minutes < 0) {
            throw ApiProblem.badRequest("minutesSpent", "minutesSpent must be 0 or more, was " + minutes);
        }
        Principal caller = ApiCaller.principal(security);
        find(caller, reference);
        try {
            incidents.addWorklog(caller, reference, body.text(), Duration.ofMinutes(minutes));
        } catch (InvalidTicketException e) {
            throw badField(e);
        }
    }

    /**
     * The service's refusal as a 400 naming the field of the JSON body (the service names its own: {@code group} is the
     * body's {@code queue}, {@code cis} its {@code ciIds}, {@code timeSpent} its {@code minutesSpent}); an unknown
     * ticket is a 404, a ticket whose state forbids the change (closed) a 409.
     */
    static RuntimeException badField(InvalidTicketException e) {
        String field = switch (e.field()) {
            case "group" -> "queue";
            case "cis" -> "ciIds";
            case "timeSpent" -> "minutesSpent";
            default -> e.field();
        };
        if ("reference".equals(field)) {
            return new NoSuchElementException(e.getMessage());
        }
        if ("state".equals(field)) {
            return ApiProblem.conflict(e.getMessage());
        }
        return ApiProblem.badRequest(field, e.getMessage());
    }

    private Ticket find(Principal caller, String reference) {
        return incidents.ticket(caller, reference)
                .orElseThrow(() -> new NoSuchElementException("no such ticket: " + reference));
    }
}
