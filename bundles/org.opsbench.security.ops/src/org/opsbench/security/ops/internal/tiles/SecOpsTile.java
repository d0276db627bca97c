package org.opsbench.security.ops.internal.tiles;

import java.util.List;

import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.internal.service.SecOpsRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Open critical findings and the share of patch-compliant hosts: {@code 3 critical / 92 % compliant}. */
@Component(service = DashboardTile.class)
public final class SecOpsTile implements DashboardTile {

    private final SecOpsRuntime runtime;

    /** On the running area. */
    @Activate
    public SecOpsTile(@Reference SecOpsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String id() {
        return "secops.exposure";
    }

    @Override
    public String title() {
        return "Security exposure";
    }

    @Override
    public int rank() {
        return 35;
    }

    @Override
    public Value current() {
        long critical = runtime.store().findings().stream()
                .filter(f -> f.status() == FindingStatus.OPEN && f.risk() == RiskLevel.CRITICAL).count();
        List<PatchStatus> patches = runtime.compliance().patchStatuses();
        long compliant = patches.stream().filter(PatchStatus::compliant).count();
        String percent = patches.isEmpty() ? "n/a" : Math.round(100.0 * compliant / patches.size()) + " %";
        Health health = critical > 0 ? Health.CRITICAL : compliant < patches.size() ? Health.WARNING : Health.OK;
        return new Value(critical + " / " + percent, "open critical findings / patch-compliant hosts", health,
                Trend.NONE);
    }
}
