package org.opsbench.monitoring.rest.internal;

import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.HostDto;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
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

/** {@code /api/v1/hosts}: monitored hosts and their state ({@code monitoring:read}). */
@Component(service = HostsResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/hosts")
@Produces("application/json")
public final class HostsResource {

    private final Monitoring monitoring;

    @Activate
    public HostsResource(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GET
    @ApiDoc(summary = "Hosts by name", description = "Filters: state (UP, DOWN, UNREACHABLE), text (in name or address).")
    public Page<HostDto> list(@QueryParam("state") String state, @QueryParam("text") String text,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        HostState wanted = Params.one("state", state, HostState.class);
        return Page.of(monitoring.hosts(ApiCaller.principal(security)).stream()
                .filter(h -> wanted == null || h.state() == wanted)
                .filter(h -> Params.contains(h.name() + " " + h.address(), text)).map(HostDto::of).toList(), offset,
                limit);
    }

    @GET
    @Path("{name}")
    @ApiDoc(summary = "One host")
    public HostDto get(@PathParam("name") String name, @Context SecurityContext security) {
        return monitoring.hosts(ApiCaller.principal(security)).stream().filter(h -> h.name().equals(name))
                .findFirst().map(HostDto::of)
                .orElseThrow(() -> new java.util.NoSuchElementException("no such host: " + name));
    }
}
