package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleReports;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.service.ExpiryWatch;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;

/** Warranty and license expiry warnings (report, event, tile) and license compliance against discovered packages. */
class LifecycleReportsTest {

    @Test
    void warrantyEndingSoonIsReportedPostedAndShownOnTheTile() throws Exception {
        Assets assets = Osgi.service(Assets.class);
        Principal operator = Osgi.user("operator");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ConfigurationItem soon = assets.create(operator, CiSpec.of("server", "warranty-soon-" + Osgi.RUN)
                .withAttributes(Map.of("warranty.end", today.plusDays(10).toString())));
        ConfigurationItem later = assets.create(operator, CiSpec.of("server", "warranty-later-" + Osgi.RUN)
                .withAttributes(Map.of("warranty.end", today.plusDays(300).toString())));
        ConfigurationItem retired = assets.create(operator, CiSpec.of("server", "warranty-retired-" + Osgi.RUN)
                .withLifecycle(LifecycleState.RETIRED)
                .withAttributes(Map.of("warranty.end", today.minusDays(3).toString())));
        List<LifecycleReports.Expiry> expiring = Osgi.service(LifecycleReports.class).expiring(operator, 30);
        assertTrue(expiring.stream().anyMatch(e -> e.item().id().equals(soon.id()) && e.daysLeft() == 10
                && e.what().equals("warranty")), expiring.toString());
        assertTrue(expiring.stream().noneMatch(e -> e.item().id().equals(later.id())
                || e.item().id().equals(retired.id())), expiring.toString());
        try (Osgi.Recorder events = new Osgi.Recorder(Topics.ASSETS_EXPIRY_WARNING)) {
            Osgi.service(ExpiryWatch.class).checkNow();
            assertEquals(10L, events.await(Topics.ASSETS_EXPIRY_WARNING, soon.id()).getProperty("days.left"));
        }
        DashboardTile tile = Osgi.context().getService(Osgi.context().getServiceReferences(DashboardTile.class,
                "(component.name=org.opsbench.assets.internal.tiles.ExpiryTile)").iterator().next());
        assertTrue(Integer.parseInt(tile.current().value()) >= 1);
        assertTrue(tile.current().health() != Health.OK);
    }

    @Test
    void licenseIsComparedWithInstallationsFoundByDiscovery() throws Exception {
        Assets assets = Osgi.service(Assets.class);
        Principal operator = Osgi.user("operator");
        String product = "acme-db-" + Osgi.RUN;
        ConfigurationItem license = assets.create(operator, CiSpec.of("license", "acme-lic-" + Osgi.RUN)
                .withAttributes(Map.of("product", product, "entitlements", "1")));
        AssetsDatabase db = Osgi.service(AssetsDatabase.class);
        for (int i = 0; i < 2; i++) {
            ConfigurationItem host = assets.create(operator, CiSpec.of("server", "acme-host-" + i + "-" + Osgi.RUN));
            db.tx(c -> {
                CiStore.putFacts(c, host.id(), Map.of(), Map.of("package." + product, "1.2-" + host.name()));
                return null;
            });
        }
        LifecycleReports.Compliance c = Osgi.service(LifecycleReports.class).compliance(operator).stream()
                .filter(x -> x.license().id().equals(license.id())).findFirst().orElseThrow();
        assertEquals(2, c.installations());
        assertEquals(1, c.entitlements());
        assertFalse(c.compliant());
        assertEquals(List.of("acme-host-0-" + Osgi.RUN, "acme-host-1-" + Osgi.RUN), c.installedOn());
    }
}
