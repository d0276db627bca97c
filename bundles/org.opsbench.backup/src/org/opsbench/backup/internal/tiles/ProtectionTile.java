package org.opsbench.backup.internal.tiles;

import java.util.List;

import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.ObjectiveStatus.State;
import org.opsbench.backup.internal.BackupRuntime;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Protected items against their objectives: {@code protected / at risk / breached}. */
@Component(service = DashboardTile.class)
public final class ProtectionTile implements DashboardTile {

    private final BackupRuntime runtime;

    /** On the running backup area. */
    @Activate
    public ProtectionTile(@Reference BackupRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String id() {
        return "backup.protection";
    }

    @Override
    public String title() {
        return "Backup protection";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public Value current() {
        List<ObjectiveStatus> all = runtime.status();
        long ok = all.stream().filter(s -> s.state() == State.PROTECTED).count();
        long risk = all.stream().filter(s -> s.state() == State.AT_RISK).count();
        long breached = all.stream().filter(s -> s.state() == State.BREACHED).count();
        Health health = breached > 0 ? Health.CRITICAL : risk > 0 ? Health.WARNING : Health.OK;
        return new Value(ok + " / " + risk + " / " + breached, "protected / at risk / breached", health, Trend.NONE);
    }
}
