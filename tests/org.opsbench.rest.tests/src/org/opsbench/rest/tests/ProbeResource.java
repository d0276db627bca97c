package org.opsbench.rest.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.Created;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;

/**
 * A test resource written by the conventions of {@code org.opsbench.rest}: paging, path and query parameters, record
 * bodies, the caller's principal checked through the real {@link AccessControl}, and every error class.
 */
@Path("api/v1/probes")
@Produces("application/json")
public final class ProbeResource {

    /** The permission writes need (declared by the REST runtime; operators have it, viewers do not). */
    static final String WRITE = "server:metrics";

    /** A kind of probe. */
    public enum Kind {
        /** ICMP. */
        PING,
        /** TCP connect. */
        TCP
    }

    /** A probe as listed. */
    public record Probe(String id, String name, int intervalSeconds, Kind kind, Instant createdAt, List<String> tags,
            Map<String, String> labels, String createdBy) {
    }

    /** The body of a create or update. */
    public record NewProbe(String name, int intervalSeconds, Kind kind, List<String> tags) {
        /** Validates, naming the field. */
        public NewProbe {
            if (name == null || name.isBlank()) {
                throw ApiProblem.badRequest("name", "name must not be blank");
            }
            if (intervalSeconds < 1 || intervalSeconds > 86_400) {
                throw ApiProblem.badRequest("intervalSeconds", "intervalSeconds must be 1-86400");
            }
            if (kind == null) {
                throw ApiProblem.badRequest("kind", "kind is required");
            }
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    private final Map<String, Probe> probes = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AccessControl access;

    ProbeResource(AccessControl access) {
        this.access = access;
        for (int i = 1; i <= 60; i++) {
            String id = "p" + ids.incrementAndGet();
            probes.put(id, new Probe(id, "probe " + i, 60, i % 2 == 0 ? Kind.PING : Kind.TCP, Instant.now(),
                    List.of("seed"), Map.of("site", "lab"), "system"));
        }
    }

    @GET
    @ApiDoc(summary = "List probes, optionally of one kind")
    public Page<Probe> list(@Context SecurityContext security, @QueryParam("kind") Kind kind,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ApiCaller.principal(security);
        List<Probe> all = new ArrayList<>(probes.values().stream().filter(p -> kind == null || p.kind() == kind)
                .sorted(Comparator.comparing(Probe::name)).toList());
        return Page.of(all, offset, limit);
    }

    @GET
    @Path("{id}")
    @ApiDoc(summary = "One probe")
    public Probe get(@Context SecurityContext security, @PathParam("id") String id) {
        ApiCaller.principal(security);
        Probe p = probes.get(id);
        if (p == null) {
            throw new NoSuchElementException("no probe " + id);
        }
        return p;
    }

    @POST
    @Created("id")
    @ApiDoc(summary = "Create a probe", description = "Needs server:metrics; names are unique")
    public Probe create(@Context SecurityContext security, NewProbe body) {
        Principal caller = ApiCaller.principal(security);
        access.check(caller, WRITE);
        if (probes.values().stream().anyMatch(p -> p.name().equals(body.name()))) {
            throw new IllegalStateException("a probe named " + body.name() + " exists");
        }
        String id = "p" + ids.incrementAndGet();
        Probe p = new Probe(id, body.name(), body.intervalSeconds(), body.kind(), Instant.now(), body.tags(),
                Map.of(), caller.name());
        probes.put(id, p);
        return p;
    }

    @PUT
    @Path("{id}")
    @ApiDoc(summary = "Change a probe")
    public Probe update(@Context SecurityContext security, @PathParam("id") String id, NewProbe body) {
        Principal caller = ApiCaller.principal(security);
        access.check(caller, WRITE);
        Probe old = get(security, id);
        Probe p = new Probe(id, body.name(), body.intervalSeconds(), body.kind(), old.createdAt(), body.tags(),
                old.labels(), old.createdBy());
        probes.put(id, p);
        return p;
    }

    @DELETE
    @Path("{id}")
    @ApiDoc(summary = "Delete a probe")
    public void delete(@Context SecurityContext security, @PathParam("id") String id) {
        Principal caller = ApiCaller.principal(security);
        access.check(caller, WRITE);
        if (probes.remove(id) == null) {
            throw new NoSuchElementException("no probe " + id);
        }
    }

    @POST
    @Path("{id}/explode")
    @ApiDoc(summary = "Fails unexpectedly (tests the 500 answer)")
    public void explode(@Context SecurityContext security, @PathParam("id") String id) {
        ApiCaller.principal(security);
        throw new UnsupportedOperationException("secret internals of " + id + " at line 42");
    }
}
