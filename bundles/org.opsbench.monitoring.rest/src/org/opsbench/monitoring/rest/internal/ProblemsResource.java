package org.opsbench.monitoring.rest.internal;

import java.util.Comparator;

import org.opsbench.core.Principal;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.AckBody;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.CheckDto;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DELETE;
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
 * {@code /api/v1/problems}: the checks whose current state is not OK, worst first ({@code monitoring:read});
 * acknowledge one ({@code monitoring:acknowledge}).
 */
@Component(service = ProblemsResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/problems")
@Produces("application/json")
public final class ProblemsResource {

    private static final Comparator<CheckStatus> WORST_FIRST = Comparator
            .comparingInt((CheckStatus c) -> severity(c.state())).reversed()
            .thenComparing(c -> c.key().host()).thenComparing(c -> c.key().check());

    private final Monitoring monitoring;

    @Activate
    public ProblemsResource(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GET
    @ApiDoc(summary = "Current problems (checks not OK), worst first", description = "Filters: host (exact), severity"
            + " (WARNING, CRITICAL, UNKNOWN), state (SOFT: not yet confirmed, HARD: confirmed), unhandled=true"
            + " (not acknowledged, not in downtime, host reachable).")
    public Page<CheckDto> list(@QueryParam("host") String host, @QueryParam("severity") String severity,
            @QueryParam("state") String state, @QueryParam("unhandled") @DefaultValue("false") boolean unhandled,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Health wanted = Params.one("severity", severity, Health.class);
        StateType type = Params.one("state", state, StateType.class);
        return Page.of(monitoring.checks(ApiCaller.principal(security), ChecksResource.blankToNull(host)).stream()
                .filter(c -> c.state() != null && c.state() != Health.OK)
                .filter(c -> wanted == null || c.state() == wanted).filter(c -> type == null || c.stateType() == type)
                .filter(c -> !unhandled || c.unhandledProblem()).sorted(WORST_FIRST).map(CheckDto::of).toList(),
                offset, limit);
    }

    @POST
    @Path("{host}/{check}/acknowledgement")
    @ApiDoc(summary = "Acknowledges a problem: no repeats or escalations until its state changes")
    public void acknowledge(@PathParam("host") String host, @PathParam("check") String check, AckBody body,
            @Context SecurityContext security) {
        Principal caller = ApiCaller.principal(security);
        try {
            monitoring.acknowledge(caller, new CheckKey(host, check), body == null ? "" : body.comment());
        } catch (InvalidDefinitionException e) {
            throw ApiProblem.badRequest(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // the engine's "no such check"
            throw new java.util.NoSuchElementException(e.getMessage());
        }
    }

    @DELETE
    @Path("{host}/{check}/acknowledgement")
    @ApiDoc(summary = "Removes an acknowledgement")
    public void unacknowledge(@PathParam("host") String host, @PathParam("check") String check,
            @Context SecurityContext security) {
        if (!monitoring.removeAcknowledgement(ApiCaller.principal(security), new CheckKey(host, check))) {
            throw new java.util.NoSuchElementException("no acknowledgement on " + host + "/" + check);
        }
    }

    /** CRITICAL, UNKNOWN, WARNING from worst. */
    static int severity(Health h) {
        return switch (h) {
            case CRITICAL -> 3;
            case UNKNOWN -> 2;
            case WARNING -> 1;
            case OK -> 0;
        };
    }
}
