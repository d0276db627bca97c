package org.opsbench.monitoring.internal.tiles;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Monitoring.Availability;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Host availability over the last 24 hours: time UP over the time the state was known, summed over all enabled hosts,
 * from the state history. Recomputed at most once a minute.
 */
@Component(service = DashboardTile.class)
public final class AvailabilityTile implements DashboardTile {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration CACHE = Duration.ofMinutes(1);

    private final MonitoringRuntime runtime;
    private Value cached;
    private Instant cachedAt = Instant.EPOCH;
    private double previous = Double.NaN;

    /** On the running monitoring area. */
    @Activate
    public AvailabilityTile(@Reference MonitoringRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String id() {
        return "monitoring.availability";
    }

    @Override
    public String title() {
        return "Host availability (24 h)";
    }

    @Override
    public int rank() {
        return 11;
    }

    @Override
    public synchronized Value current() {
        Instant now = runtime.clock().instant();
        if (cached != null && now.isBefore(cachedAt.plus(CACHE))) {
            return cached;
        }
        runtime.writeNow();
        long up = 0;
        long known = 0;
        try {
            for (HostStatus h : runtime.engine().hostStatuses(now)) {
                if (h.enabled()) {
                    Availability a = runtime.states().availability(CheckKey.host(h.name()), now.minus(WINDOW), now,
                            "UP");
                    up += a.okMillis();
                    known += a.okMillis() + a.problemMillis();
                }
            }
        } catch (SQLException e) {
            return new Value("?", "%", Health.UNKNOWN, Trend.NONE);
        }
        if (known == 0) {
            cached = new Value("–", "%", Health.UNKNOWN, Trend.NONE);
        } else {
            double percent = up * 100.0 / known;
            Trend trend = Double.isNaN(previous)
                    ? Trend.NONE
                    : percent > previous + 0.005 ? Trend.UP : percent < previous - 0.005 ? Trend.DOWN : Trend.FLAT;
            previous = percent;
            Health health = percent >= 99.9 ? Health.OK : percent >= 99.0 ? Health.WARNING : Health.CRITICAL;
            cached = new Value(String.format(Locale.ROOT, "%.2f", percent), "%", health, trend);
        }
        cachedAt = now;
        return cached;
    }
}
