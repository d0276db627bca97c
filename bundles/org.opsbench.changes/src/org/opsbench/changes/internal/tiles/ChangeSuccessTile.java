package org.opsbench.changes.internal.tiles;

import java.time.Duration;
import java.time.Instant;

import org.opsbench.changes.ChangeMetrics;
import org.opsbench.changes.Changes;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The change success rate of the last 30 days (implemented of all that ended), with the failed and emergency counts: OK
 * from 90 %, WARNING from 75 %, else CRITICAL; the trend compares with the 30 days before.
 */
@Component(service = DashboardTile.class)
public final class ChangeSuccessTile implements DashboardTile {

    private static final Duration PERIOD = Duration.ofDays(30);

    private final Changes changes;

    /** With the changes service. */
    @Activate
    public ChangeSuccessTile(@Reference Changes changes) {
        this.changes = changes;
    }

    @Override
    public String id() {
        return "changes.success";
    }

    @Override
    public String title() {
        return "Change success (30 days)";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public Value current() {
        Instant now = Instant.now();
        ChangeMetrics m = changes.metrics(ChangesRuntime.SYSTEM, now.minus(PERIOD), now);
        ChangeMetrics before = changes.metrics(ChangesRuntime.SYSTEM, now.minus(PERIOD.multipliedBy(2)),
                now.minus(PERIOD));
        double rate = m.successRate();
        Health health = m.total() == 0
                ? Health.UNKNOWN
                : rate >= 0.9 ? Health.OK : rate >= 0.75 ? Health.WARNING : Health.CRITICAL;
        Trend trend = m.total() == 0 || before.total() == 0
                ? Trend.NONE
                : rate > before.successRate() ? Trend.UP : rate < before.successRate() ? Trend.DOWN : Trend.FLAT;
        String value = m.total() == 0 ? "-" : Math.round(rate * 100) + " %";
        return new Value(value, m.total() == 0
                ? "no changes ended"
                : m.failed() + " failed, " + Math.round(m.emergencyRatio() * 100) + " % emergency", health, trend);
    }
}
