package org.opsbench.monitoring.internal.ops;

import org.opsbench.monitoring.internal.engine.MonitoringShare;
import org.opsbench.rest.Health;
import org.opsbench.rest.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Readiness of the monitoring scheduler: up when it runs (its share of) the checks; a server that only serves data
 * (scheduling off) is up too, and says so. A node holding no shard is still up: the others run the checks.
 */
@Component(service = HealthIndicator.class)
public final class SchedulerHealth implements HealthIndicator {

    private final MonitoringShare share;

    @Activate
    public SchedulerHealth(@Reference MonitoringShare share) {
        this.share = share;
    }

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public Health check() {
        try {
            MonitoringShare.Figures f = share.figures();
            if (!f.scheduling()) {
                return Health.up("scheduling off: this server serves data only");
            }
            return Health.up(f.shards() + " shards, " + f.checks() + " hosts and checks, " + f.queued() + " queued");
        } catch (RuntimeException e) {
            return Health.down("scheduler: " + e.getMessage());
        }
    }
}
