package org.opsbench.monitoring.rest.internal;

import java.time.Duration;

import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.CheckDto;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
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

/** {@code /api/v1/checks}: checks and their state ({@code monitoring:read}); run one now ({@code monitoring:write}). */
@Component(service = ChecksResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/checks")
@Produces("application/json")
public final class ChecksResource {

    /** How long a run-now waits for the result. */
    static final Duration RUN_WAIT = Duration.ofSeconds(30);

    private final Monitoring monitoring;

    @Activate
    public ChecksResource(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GET
    @ApiDoc(summary = "Checks by host and name", description = "Filters: host (exact), state (OK, WARNING, CRITICAL,"
            + " UNKNOWN), text (in check name, type or output).")
    public Page<CheckDto> list(@QueryParam("host") String host, @QueryParam("state") String state,
            @QueryParam("text") String text, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
        Page.validate(offset, limit);
        Health wanted = Params.one("state", state, Health.class);
        return Page.of(monitoring.checks(ApiCaller.principal(security), blankToNull(host)).stream()
                .filter(c -> wanted == null || c.state() == wanted)
                .filter(c -> Params.contains(c.key().check() + " " + c.type() + " " + c.output(), text))
                .map(CheckDto::of).toList(), offset, limit);
    }

    @GET
    @Path("{host}/{check}")
    @ApiDoc(summary = "One check")
    public CheckDto get(@PathParam("host") String host, @PathParam("check") String check,
            @Context SecurityContext security) {
        return monitoring.checks(ApiCaller.principal(security), host).stream()
                .filter(c -> c.key().check().equals(check)).findFirst().map(CheckDto::of)
                .orElseThrow(() -> new java.util.NoSuchElementException("no such check: " + host + "/" + check));
    }

    @POST
    @Path("{host}/{check}/run")
    @ApiDoc(summary = "Runs a check now and answers its new state", description = "Waits up to 30 s for the result.")
    public CheckDto runNow(@PathParam("host") String host, @PathParam("check") String check,
            @Context SecurityContext security) {
        try {
            return CheckDto.of(monitoring.runNow(ApiCaller.principal(security), new CheckKey(host, check), RUN_WAIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Service Unavailable", "interrupted while waiting for the check", null);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no such")) {
                throw new java.util.NoSuchElementException(e.getMessage());
            }
            throw e;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
