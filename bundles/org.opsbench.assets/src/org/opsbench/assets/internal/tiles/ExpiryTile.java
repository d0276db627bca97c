package org.opsbench.assets.internal.tiles;

import java.util.List;

import org.opsbench.assets.LifecycleReports;
import org.opsbench.assets.internal.service.ExpiryWatch;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Warranties and licenses ending within 30 days: WARNING when any, CRITICAL when one has ended. */
@Component(service = DashboardTile.class)
public final class ExpiryTile implements DashboardTile {

    private final LifecycleReports reports;

    /** With the reports. */
    @Activate
    public ExpiryTile(@Reference LifecycleReports reports) {
        this.reports = reports;
    }

    @Override
    public String id() {
        return "assets.expiring";
    }

    @Override
    public String title() {
        return "Expiring in " + ExpiryWatch.DAYS + " days";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    public Value current() {
        List<LifecycleReports.Expiry> all = reports.expiring(ExpiryWatch.PRINCIPAL, ExpiryWatch.DAYS);
        Health h = all.stream().anyMatch(e -> e.daysLeft() < 0)
                ? Health.CRITICAL
                : all.isEmpty() ? Health.OK : Health.WARNING;
        return new Value(Integer.toString(all.size()), "items", h, Trend.NONE);
    }
}
