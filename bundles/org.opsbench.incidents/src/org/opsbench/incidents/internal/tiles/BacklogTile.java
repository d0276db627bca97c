package org.opsbench.incidents.internal.tiles;

import java.time.Duration;
import java.time.Instant;

import org.opsbench.core.Principal;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.Metrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Open tickets, and whether any of them has breached its SLA (critical) or any P1 is open (warning). */
@Component(service = DashboardTile.class)
public final class BacklogTile implements DashboardTile {

    private static final Principal SYSTEM = Principal.system("incidents-dashboard");

    private final Incidents incidents;

    @Activate
    public BacklogTile(@Reference Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String id() {
        return "incidents.backlog";
    }

    @Override
    public String title() {
        return "Open tickets";
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public Value current() {
        Instant now = Instant.now();
        Metrics m = incidents.metrics(SYSTEM, now.minus(Duration.ofDays(30)), now);
        Health health = m.breachedOpen() > 0
                ? Health.CRITICAL
                : m.backlog().getOrDefault(org.opsbench.core.Priority.P1, 0L) > 0 ? Health.WARNING : Health.OK;
        String sla = m.slaCompliance() < 0 ? "" : ", SLA " + m.slaCompliance() + " %";
        return new Value(Long.toString(m.backlogTotal()), "open" + (m.breachedOpen() > 0
                ? ", " + m.breachedOpen()
                        + " breached"
                : "") + sla, health, Trend.NONE);
    }
}
