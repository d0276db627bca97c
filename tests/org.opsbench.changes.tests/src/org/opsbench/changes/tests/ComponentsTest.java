package org.opsbench.changes.tests;

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
}
