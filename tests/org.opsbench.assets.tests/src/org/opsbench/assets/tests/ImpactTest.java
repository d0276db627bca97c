package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.Impact;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.store.Graph;
import org.opsbench.assets.internal.store.GraphIndex;
import org.opsbench.assets.internal.store.RelationshipStore;
import org.opsbench.core.Principal;

/**
 * Impact analysis over a real graph with a cycle: shop depends-on api depends-on db runs-on srv; api runs-on srv; db
 * depends-on shop (the cycle); srv hosted-in dc; srv connected-to switch.
 */
class ImpactTest {

    private static Assets assets;
    private static Principal operator;
    private static Map<String, String> ids;

    @BeforeAll
    static void graph() throws Exception {
        assets = Osgi.service(Assets.class);
        operator = Osgi.user("operator");
        String s = "-" + Osgi.RUN;
        ids = Map.of("shop", assets.create(operator, CiSpec.of("business-service", "shop" + s)).id(),
                "api", assets.create(operator, CiSpec.of("application", "api" + s)).id(),
                "db", assets.create(operator, CiSpec.of("database", "db" + s)).id(),
                "srv", assets.create(operator, CiSpec.of("server", "srv" + s)).id(),
                "dc", assets.create(operator, CiSpec.of("location", "dc" + s)).id(),
                "switch", assets.create(operator, CiSpec.of("network-device", "switch" + s)).id());
        relate("shop", RelationshipKind.DEPENDS_ON, "api");
        relate("api", RelationshipKind.DEPENDS_ON, "db");
        relate("api", RelationshipKind.RUNS_ON, "srv");
        relate("db", RelationshipKind.RUNS_ON, "srv");
        relate("db", RelationshipKind.DEPENDS_ON, "shop");
        relate("srv", RelationshipKind.HOSTED_IN, "dc");
        relate("srv", RelationshipKind.CONNECTED_TO, "switch");
    }

    private static void relate(String a, RelationshipKind kind, String b) {
        assets.relate(operator, ids.get(a), kind, ids.get(b));
    }

    private static Map<String, Integer> distances(Impact impact) {
        return impact.nodes().stream().collect(Collectors.toMap(n -> n.item().name().replace("-" + Osgi.RUN, ""),
                Impact.Node::distance));
    }

    @Test
    void failingServerAffectsEverythingOnItAndTheCycleEndsOnce() {
        Impact impact = assets.impact(operator, ids.get("srv"), Impact.Direction.DOWNSTREAM, 10, 1000);
        assertEquals(Map.of("api", 1, "db", 1, "shop", 2, "switch", 1), distances(impact));
    }

    @Test
    void upstreamIsWhatTheServiceNeeds() {
        Impact impact = assets.impact(operator, ids.get("shop"), Impact.Direction.UPSTREAM, 10, 1000);
        assertEquals(Map.of("api", 1, "db", 2, "srv", 2, "dc", 3, "switch", 3), distances(impact));
        assertTrue(impact.edges().contains(new Impact.Edge(ids.get("db"), RelationshipKind.DEPENDS_ON,
                ids.get("shop"))), "the cycle's edge back to the root is drawn");
    }

    @Test
    void depthLimitsTheWalk() {
        Impact impact = assets.impact(operator, ids.get("shop"), Impact.Direction.UPSTREAM, 1, 1000);
        assertEquals(Map.of("api", 1), distances(impact));
    }

    @Test
    void nodeLimitCutsTheWalkShortAndSaysSo() {
        Impact impact = assets.impact(operator, ids.get("shop"), Impact.Direction.BOTH, 10, 2);
        assertEquals(2, impact.nodes().size());
        assertTrue(impact.truncated());
        List<Impact.Node> whole = assets.impact(operator, ids.get("shop"), Impact.Direction.BOTH, 10, 1000).nodes();
        assertEquals(5, whole.size());
    }

    @Test
    void theSqlWalkAndTheInMemoryIndexAgree() throws Exception {
        Impact indexed = assets.impact(operator, ids.get("shop"), Impact.Direction.BOTH, 10, 1000);
        Impact sql = Osgi.service(AssetsDatabase.class).tx(c -> Graph.walk(c, indexed.root(), Impact.Direction.BOTH,
                10, 1000));
        assertEquals(distances(sql), distances(indexed));
        assertEquals(Set.copyOf(sql.edges()), Set.copyOf(indexed.edges()));
    }

    @Test
    void aChangeWrittenByAnotherProcessIsSeenThroughTheVersionCounter() throws Exception {
        String s = "-" + Osgi.RUN;
        String rack = assets.create(operator, CiSpec.of("location", "rack" + s)).id();
        String box = assets.create(operator, CiSpec.of("server", "box" + s)).id();
        assertEquals(Map.of(), distances(assets.impact(operator, rack, Impact.Direction.DOWNSTREAM, 3, 100)));
        // as a second server on the same database would write it: rows and the version, not through this process
        Osgi.service(AssetsDatabase.class).tx(c -> {
            RelationshipStore.insert(c, box, RelationshipKind.HOSTED_IN, rack);
            GraphIndex.bump(c);
            return null;
        });
        assertEquals(Map.of("box", 1), distances(assets.impact(operator, rack, Impact.Direction.DOWNSTREAM, 3, 100)));
    }

    @Test
    void removedRelationshipsAndDeletedItemsLeaveTheWalk() {
        String s = "-" + Osgi.RUN + "-rm";
        String a = assets.create(operator, CiSpec.of("application", "a" + s)).id();
        String b = assets.create(operator, CiSpec.of("server", "b" + s)).id();
        String c = assets.create(operator, CiSpec.of("location", "c" + s)).id();
        var ab = assets.relate(operator, a, RelationshipKind.RUNS_ON, b);
        assets.relate(operator, a, RelationshipKind.HOSTED_IN, c);
        assertEquals(2, assets.impact(operator, a, Impact.Direction.UPSTREAM, 2, 100).nodes().size());
        assets.unrelate(operator, ab.id());
        assets.delete(operator, c);
        assertEquals(List.of(), assets.impact(operator, a, Impact.Direction.UPSTREAM, 2, 100).nodes());
        ConfigurationItem renamed = assets.update(operator, b, CiSpec.of(assets.get(operator, b).orElseThrow())
                .withAttributes(Map.of()));
        assets.relate(operator, a, RelationshipKind.RUNS_ON, renamed.id());
        assertEquals("b" + s, assets.impact(operator, a, Impact.Direction.UPSTREAM, 1, 100).nodes().get(0).item()
                .name());
    }
}
