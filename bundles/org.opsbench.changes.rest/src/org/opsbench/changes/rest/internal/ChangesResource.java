package org.opsbench.changes.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.core.Principal;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v1/changes}: change requests, read through the {@link Changes} service ({@code changes:read}). */
@Component(service = ChangesResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/changes")
@Produces("application/json")
public final class ChangesResource {

    /** The most changes read for one list (newest first); filters and pages work within them. */
    static final int SCAN_LIMIT = 5000;

    /** A configuration item a change touches. */
    public record CiDto(String id, String type, String name) {
    }

    /** A change request. */
    public record ChangeDto(String reference, String state, String type, String title, String reason, List<CiDto> items,
            Instant plannedStart, Instant plannedEnd, List<String> steps, List<String> rollbackSteps,
            String testPlan, String implementer, String requester, Instant created, Instant updated) {

        static ChangeDto of(ChangeRequest c) {
            var d = c.draft();
            return new ChangeDto(c.reference(), c.state().name(), d.type() == null ? null : d.type().name(), d.title(),
                    d.reason(), d.items().stream().map(i -> new CiDto(i.id(), i.type(), i.name())).toList(),
                    d.plannedStart(), d.plannedEnd(), d.steps(), d.rollbackSteps(), d.testPlan(), d.implementer(),
                    c.requester(), c.created(), c.updated());
        }
    }

    private final Changes changes;

    @Activate
    public ChangesResource(@Reference Changes changes) {
        this.changes = changes;
    }

    @GET
    @ApiDoc(summary = "Change requests, newest first", description = "Filters: state (comma-separated), type (STANDARD,"
            + " NORMAL, EMERGENCY), from/to (ISO-8601): changes whose planned window overlaps [from, to), text (in"
            + " reference and title).")
    public Page<ChangeDto> list(@QueryParam("state") String state, @QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("text") String text,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Set<ChangeState> states = Params.set("state", state, ChangeState.class);
        ChangeType wanted = Params.one("type", type, ChangeType.class);
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.badRequest("to", "to must be after from");
        }
        boolean window = start != null || end != null;
        return Page.of(changes.list(ApiCaller.principal(security), states, SCAN_LIMIT).stream()
                .filter(c -> wanted == null || c.draft().type() == wanted)
                .filter(c -> !window || overlaps(c, start, end))
                .filter(c -> Params.contains(c.reference() + " " + c.draft().title(), text)).map(ChangeDto::of)
                .toList(), offset, limit);
    }

    /** Whether the planned window of {@code c} overlaps [start, end); a change without a window never does. */
    static boolean overlaps(ChangeRequest c, Instant start, Instant end) {
        Instant s = c.draft().plannedStart();
        Instant e = c.draft().plannedEnd();
        if (s == null || e == null) {
            return false;
        }
        return (end == null || s.isBefore(end)) && (start == null || e.isAfter(start));
    }

    @GET
    @Path("{reference}")
    @ApiDoc(summary = "One change request")
    public ChangeDto get(@PathParam("reference") String reference, @Context SecurityContext security) {
        Principal caller = ApiCaller.principal(security);
        return changes.find(caller, reference).map(ChangeDto::of)
                .orElseThrow(() -> new NoSuchElementException("no such change: " + reference));
    }
}
