package org.opsbench.assets.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.opsbench.assets.Assets;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.Relationship;
import org.opsbench.core.Principal;
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

/** {@code /api/v1/cis}: configuration items through the {@link Assets} service ({@code assets:read}). */
@Component(service = CisResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/cis")
@Produces("application/json")
public final class CisResource {

    /** A configuration item as listed. */
    public record CiDto(String id, String type, String name, String lifecycle, Map<String, String> attributes,
            Map<String, String> facts, Set<String> tags, Set<String> groups, Instant updated) {

        static CiDto of(ConfigurationItem c) {
            return new CiDto(c.id(), c.type(), c.name(), c.lifecycle() == null ? null : c.lifecycle().name(),
                    c.attributes(), c.facts(), c.tags(), c.groups(), c.updated());
        }
    }

    /** The other end of a relationship. */
    public record CiRefDto(String id, String type, String name) {
    }

    /** A relationship of an item: {@code source kind target}. */
    public record RelationshipDto(long id, CiRefDto source, String kind, CiRefDto target) {

        static RelationshipDto of(Relationship r) {
            return new RelationshipDto(r.id(), new CiRefDto(r.source().id(), r.source().type(), r.source().name()),
                    r.kind().name(), new CiRefDto(r.target().id(), r.target().type(), r.target().name()));
        }
    }

    /** An item with its relationships. */
    public record CiDetailDto(CiDto item, List<RelationshipDto> relationships) {
    }

    private final Assets assets;

    @Activate
    public CisResource(@Reference Assets assets) {
        this.assets = assets;
    }

    @GET
    @ApiDoc(summary = "Configuration items by name", description = "Filters: type (a CI type id), text (in name), tag,"
            + " group, lifecycle (ORDERED, IN_STOCK, DEPLOYED, IN_MAINTENANCE, RETIRED, DISPOSED).")
    public Page<CiDto> list(@QueryParam("type") String type, @QueryParam("text") String text,
            @QueryParam("tag") String tag, @QueryParam("group") String group, @QueryParam("lifecycle") String lifecycle,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Page.validate(offset, limit);
        LifecycleState state = Params.one("lifecycle", lifecycle, LifecycleState.class);
        CiPage page = assets.find(ApiCaller.principal(security), new CiQuery(blank(type), blank(text), blank(tag),
                blank(group), state, CiQuery.Sort.NAME, true, offset, limit));
        return new Page<>(page.items().stream().map(CiDto::of).toList(), offset, limit, page.total());
    }

    @GET
    @Path("{id}")
    @ApiDoc(summary = "One configuration item with its relationships (both directions)")
    public CiDetailDto get(@PathParam("id") String id, @Context SecurityContext security) {
        Principal caller = ApiCaller.principal(security);
        ConfigurationItem item = assets.get(caller, id)
                .orElseThrow(() -> new NoSuchElementException("no such configuration item: " + id));
        return new CiDetailDto(CiDto.of(item),
                assets.relationships(caller, item.id()).stream().map(RelationshipDto::of).toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
