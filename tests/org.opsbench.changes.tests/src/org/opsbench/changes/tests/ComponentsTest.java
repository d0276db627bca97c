package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.opsbench.changes.Baselines;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.Changes;
import org.opsbench.core.changes.RecentChanges;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.core.spi.DashboardTile;

/** The area's public services all come up in a runtime with the platform and the security area. */
class ComponentsTest {

    @Test
    void everyPublicServiceIsRegistered() throws Exception {
        assertNotNull(Osgi.service(Changes.class));
        assertNotNull(Osgi.service(ChangeExecution.class));
        assertNotNull(Osgi.service(Baselines.class));
        assertNotNull(Osgi.service(RecentChanges.class));
        assertNotNull(Osgi.service(DashboardTile.class, "(component.name=*ChangeSuccessTile)"));
        assertNotNull(Osgi.service(PermissionSet.class, "(component.name=*ChangePermissionSet)"));
    }

    @Test
    void theTileShowsTheSuccessRateOfTheLast30Days() throws Exception {
        DashboardTile tile = Osgi.service(DashboardTile.class, "(component.name=*ChangeSuccessTile)");
        java.time.Instant now = java.time.Instant.now();
        org.opsbench.changes.ChangeMetrics m = Osgi.service(Changes.class).metrics(People.SETUP,
                now.minus(java.time.Duration.ofDays(30)), now);
        DashboardTile.Value v = tile.current();
        assertEquals("changes.success", tile.id());
        assertEquals(m.total() == 0 ? "-" : Math.round(m.successRate() * 100) + " %", v.value());
        if (m.total() > 0) {
            assertEquals(m.failed() + " failed, " + Math.round(m.emergencyRatio() * 100) + " % emergency", v.unit());
        }
    }
}
