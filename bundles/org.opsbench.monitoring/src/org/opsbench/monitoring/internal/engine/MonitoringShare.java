package org.opsbench.monitoring.internal.engine;

import java.util.List;

import org.opsbench.cluster.ShardSet;
import org.opsbench.monitoring.CheckKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * This node's share of the monitoring work, as figures: the console's {@code monitoring:share}, and the metrics and
 * health of the scheduler that the server serves.
 */
@Component(service = MonitoringShare.class)
public final class MonitoringShare {

    /**
     * The figures now.
     *
     * @param shards
     *            shards held with a valid lease (all of them for a single node)
     * @param checks
     *            hosts and checks in them
     * @param runs
     *            check runs started since the start
     * @param timeouts
     *            of them, runs that gave no result within their timeout
     * @param fenced
     *            results dropped because the shard was lost while the check ran
     * @param queued
     *            checks waiting for their time or a slot
     * @param scheduling
     *            whether this node runs checks at all
     */
    public record Figures(int shards, int checks, long runs, long timeouts, long fenced, int queued,
            Latencies latencies, boolean scheduling) {
    }

    private final MonitoringRuntime runtime;

    @Activate
    public MonitoringShare(@Reference MonitoringRuntime runtime) {
        this.runtime = runtime;
    }

    /** The figures now. */
    public Figures figures() {
        Scheduler s = runtime.scheduler();
        ShardSet held = runtime.shards();
        List<CheckKey> keys;
        synchronized (runtime.engine()) {
            keys = runtime.engine().keys();
        }
        boolean runs = runtime.scheduling();
        int checks = 0;
        for (CheckKey k : keys) {
            if (runs && runtime.owned(k)) {
                checks++;
            }
        }
        // a node that schedules nothing (a workbench on the team database) runs no shard
        int shards = !runs ? 0 : held == null ? MonitoringRuntime.SHARDS : held.held().size();
        return new Figures(shards, checks, s.runs(), s.timeouts(), s.fenced(), s.queued(), s.latencies(),
                runtime.scheduling());
    }
}
