package org.opsbench.monitoring.internal.tiles;

import java.time.Instant;

import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Current problems: hosts DOWN and checks in a HARD problem state that nobody handles yet (not acknowledged, not in a
 * maintenance window, host reachable). Red when one of them is critical.
 */
@Component(service = DashboardTile.class)
public final class ProblemsTile implements DashboardTile {

    private final MonitoringRuntime runtime;
    private int previous = -1;

    /** On the running monitoring area. */
    @Activate
    public ProblemsTile(@Reference MonitoringRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String id() {
        return "monitoring.problems";
    }

    @Override
    public String title() {
        return "Unhandled problems";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public synchronized Value current() {
        Instant now = runtime.clock().instant();
        int count = 0;
        boolean critical = false;
        for (HostStatus h : runtime.engine().hostStatuses(now)) {
            if (h.state() == HostState.DOWN && h.stateType() == StateType.HARD && h.acknowledgement() == null
                    && !h.inDowntime()) {
                count++;
                critical = true;
            }
        }
        for (CheckStatus c : runtime.engine().checkStatuses(null, now, k -> null)) {
            if (c.unhandledProblem()) {
                count++;
                critical |= c.hardState() == Health.CRITICAL;
            }
        }
        Trend trend = previous < 0
                ? Trend.NONE
                : count > previous ? Trend.UP : count < previous ? Trend.DOWN : Trend.FLAT;
        previous = count;
        Health health = count == 0 ? Health.OK : critical ? Health.CRITICAL : Health.WARNING;
        return new Value(Integer.toString(count), count == 1 ? "problem" : "problems", health, trend);
    }
}
