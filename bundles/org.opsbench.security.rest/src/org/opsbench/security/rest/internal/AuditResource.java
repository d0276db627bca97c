package org.opsbench.security.rest.internal;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.Principal;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.rest.internal.SecurityDtos.AuditDto;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/v1/audit}: the audit trail, read only ({@code security:audit:read}, checked by the trail). */
@Component(service = AuditResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/audit")
@Produces("application/json")
public final class AuditResource {

    /** How many records a filtered search reads at most before paging (the newest ones). */
    static final int SCAN_LIMIT = 10_000;

    private final AuditTrail trail;

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @ApiDoc(summary = "Audit records, newest first", description = "Filters: actor (exact principal name), action"
            + " (prefix, e.g. security.token), objectType, objectId, from/to (ISO-8601, to exclusive).")
    public Page<AuditDto> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        Principal caller = ApiCaller.principal(security);
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.badRequest("to", "to must be after from");
        }
        boolean byAction = action != null && !action.isBlank();
        // the trail has no count: the newest SCAN_LIMIT matches give the page and its total
        List<AuditDto> rows = trail
                .search(caller, new AuditQuery(start, end, blankToNull(actor), blankToNull(objectType),
                        blankToNull(objectId), SCAN_LIMIT))
                .stream().filter(r -> !byAction || r.entry().action().startsWith(action.strip())).map(AuditDto::of)
                .toList();
        return Page.of(rows, offset, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
