package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/** The CMDB service on real Derby with the real security area: validation, lifecycle, history, audit, events. */
class AssetsServiceTest {

    private static Assets assets;
    private static Principal operator;
    private static Principal viewer;

    @BeforeAll
    static void services() throws Exception {
        assets = Osgi.service(Assets.class);
        operator = Osgi.user("operator");
        viewer = Osgi.user("viewer");
    }

    private static String name(String base) {
        return base + "-" + Osgi.RUN + "-" + System.nanoTime() % 1_000_000;
    }

    @Test
    void shippedTypesAreDeclaredAsData() {
        List<String> ids = assets.types().stream().map(t -> t.id()).toList();
        assertTrue(ids.containsAll(List.of("server", "virtual-machine", "network-device", "application", "database",
                "business-service", "software-package", "license", "location")), ids.toString());
    }

    @Test
    void createdItemIsStoredWithHistoryAuditAndEvent() throws Exception {
        try (Osgi.Recorder events = new Osgi.Recorder(Topics.ASSETS_CI_UPDATED)) {
            ConfigurationItem web = assets.create(operator, new CiSpec("server", name("web"), LifecycleState.IN_STOCK,
                    Map.of("warranty.end", "2030-01-31", "environment", "production"), Set.of("linux"),
                    Set.of("webservers")));
            assertEquals(web, assets.get(viewer, web.id()).orElseThrow());
            assertEquals("2030-01-31", web.attributes().get("warranty.end"));
            assertEquals("created", assets.history(viewer, web.id(), 10).get(0).field());
            assertEquals(operator.name(), events.await(Topics.ASSETS_CI_UPDATED, web.id()).getProperty("principal"));
            List<AuditRecord> audit = Osgi.service(AuditTrail.class).search(Osgi.SYSTEM,
                    new AuditQuery(null, null, operator.name(), "ci", web.id(), 10));
            assertEquals("assets.ci.create", audit.get(0).entry().action());
        }
    }

    @Test
    void unknownAttributeIsRefusedNamingTheField() {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> assets.create(operator,
                CiSpec.of("server", name("x")).withAttributes(Map.of("colour", "red"))));
        assertEquals("attributes.colour", e.field());
        InvalidItemException date = assertThrows(InvalidItemException.class, () -> assets.create(operator,
                CiSpec.of("server", name("x")).withAttributes(Map.of("warranty.end", "next year"))));
        assertTrue(date.getMessage().startsWith("attributes.warranty.end: must be a date"), date.getMessage());
        InvalidItemException required = assertThrows(InvalidItemException.class,
                () -> assets.create(operator, CiSpec.of("license", name("lic"))));
        assertTrue(required.getMessage().contains("attributes.entitlements: is required")
                || required.getMessage().contains("attributes.product: is required"), required.getMessage());
    }

    @Test
    void secondItemOfTheSameTypeAndNameIsRefused() {
        String n = name("dup");
        assets.create(operator, CiSpec.of("application", n));
        InvalidItemException e = assertThrows(InvalidItemException.class,
                () -> assets.create(operator, CiSpec.of("application", n.toUpperCase())));
        assertEquals("name", e.field());
    }

    @Test
    void illegalLifecycleTransitionIsRefusedNamingTheAllowedOnes() {
        ConfigurationItem box = assets.create(operator, CiSpec.of("server", name("box"))
                .withLifecycle(LifecycleState.ORDERED));
        InvalidItemException e = assertThrows(InvalidItemException.class,
                () -> assets.transition(operator, box.id(), LifecycleState.DEPLOYED));
        assertEquals("lifecycle: cannot go from ordered to deployed; allowed from ordered: in-stock", e.getMessage());
        assets.transition(operator, box.id(), LifecycleState.IN_STOCK);
        ConfigurationItem deployed = assets.transition(operator, box.id(), LifecycleState.DEPLOYED);
        assertEquals(LifecycleState.DEPLOYED, deployed.lifecycle());
        List<HistoryEntry> history = assets.history(viewer, box.id(), 10);
        assertEquals("in-stock", history.get(0).before());
        assertEquals("deployed", history.get(0).after());
        assertEquals("lifecycle", history.get(0).field());
    }

    @Test
    void everyChangedFieldIsRecordedInHistory() {
        ConfigurationItem db = assets.create(operator, CiSpec.of("database", name("db"))
                .withAttributes(Map.of("engine", "postgresql", "version", "15")));
        assets.update(operator, db.id(), CiSpec.of(db).withAttributes(Map.of("engine", "postgresql", "version", "16"))
                .withTagsAndGroups(Set.of("critical"), Set.of()));
        List<String> fields = assets.history(viewer, db.id(), 10).stream()
                .map(h -> h.field() + ":" + h.before() + "->" + h.after()).toList();
        assertTrue(fields.contains("attribute:version:15->16"), fields.toString());
        assertTrue(fields.contains("tag:null->critical"), fields.toString());
    }

    @Test
    void viewerMayReadButNotWrite() {
        ConfigurationItem app = assets.create(operator, CiSpec.of("application", name("app")));
        assertTrue(assets.get(viewer, app.id()).isPresent());
        assertThrows(NotAllowedException.class, () -> assets.create(viewer, CiSpec.of("application", name("no"))));
        assertThrows(NotAllowedException.class, () -> assets.delete(viewer, app.id()));
        assertTrue(assets.get(viewer, app.id()).isPresent());
    }

    @Test
    void deletedItemTakesItsRelationshipsAndIsPosted() throws Exception {
        ConfigurationItem app = assets.create(operator, CiSpec.of("application", name("gone")));
        ConfigurationItem srv = assets.create(operator, CiSpec.of("server", name("stays")));
        assets.relate(operator, app.id(), RelationshipKind.RUNS_ON, srv.id());
        try (Osgi.Recorder events = new Osgi.Recorder(Topics.ASSETS_CI_DELETED)) {
            assertTrue(assets.delete(operator, app.id()));
            events.await(Topics.ASSETS_CI_DELETED, app.id());
        }
        assertTrue(assets.get(viewer, app.id()).isEmpty());
        assertTrue(assets.relationships(viewer, srv.id()).isEmpty());
        assertEquals("deleted", assets.history(viewer, app.id(), 1).get(0).field());
        assertFalse(assets.delete(operator, app.id()));
    }

    @Test
    void otherAreasResolveThroughTheCoreInterface() throws Exception {
        ConfigurationItem srv = assets.create(operator, CiSpec.of("server", name("core"))
                .withAttributes(Map.of("owner", "ops")));
        ConfigurationItems cmdb = Osgi.service(ConfigurationItems.class);
        CiRef ref = cmdb.resolve(srv.id()).orElseThrow();
        assertEquals(srv.ref(), ref);
        assertEquals("ops", cmdb.facts(ref).get("owner"));
        assertTrue(cmdb.search("server", srv.name().substring(0, 8), 1000).contains(ref));
        assertTrue(cmdb.resolve("no-such-id").isEmpty());
    }

    @Test
    void explorerPageFiltersSortsAndCounts() {
        String tag = "page" + Osgi.RUN;
        for (String n : List.of("c", "a", "b")) {
            assets.create(operator, CiSpec.of("location", name("site-" + n)).withTagsAndGroups(Set.of(tag), Set.of()));
        }
        var page = assets.find(viewer, new CiQuery("location", null, tag, null, null, CiQuery.Sort.NAME, false, 0, 2));
        assertEquals(3, page.total());
        assertEquals(2, page.items().size());
        assertTrue(page.items().get(0).name().startsWith("site-c"), page.items().toString());
    }
}
