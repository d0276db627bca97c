package org.opsbench.assets.internal.tiles;

import org.opsbench.assets.LifecycleReports;
import org.opsbench.assets.internal.service.ExpiryWatch;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Licenses with more installations than entitlements. */
@Component(service = DashboardTile.class)
public final class ComplianceTile implements DashboardTile {

    private final LifecycleReports reports;

    /** With the reports. */
    @Activate
    public ComplianceTile(@Reference LifecycleReports reports) {
        this.reports = reports;
    }

    @Override
    public String id() {
        return "assets.license-violations";
    }

    @Override
    public String title() {
        return "Over-used licenses";
    }

    @Override
    public int rank() {
        return 61;
    }

    @Override
    public Value current() {
        long over = reports.compliance(ExpiryWatch.PRINCIPAL).stream().filter(c -> !c.compliant()).count();
        return new Value(Long.toString(over), "licenses", over == 0 ? Health.OK : Health.CRITICAL, Trend.NONE);
    }
}
