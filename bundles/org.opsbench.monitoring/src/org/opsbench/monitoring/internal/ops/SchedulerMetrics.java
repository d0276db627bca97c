package org.opsbench.monitoring.internal.ops;

import java.util.Map;

import org.opsbench.cluster.Nodes;
import org.opsbench.monitoring.internal.engine.Latencies;
import org.opsbench.monitoring.internal.engine.MonitoringShare;
import org.opsbench.rest.MetricsSink;
import org.opsbench.rest.MetricsSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The scheduler's figures on {@code /metrics}, labelled with this node: checks run, their latency, the queue, the
 * shards this node holds and the results fenced off. Only counters in memory: a scrape never touches the database.
 */
@Component(service = MetricsSource.class)
public final class SchedulerMetrics implements MetricsSource {

    private final MonitoringShare share;
    private final Nodes nodes;

    @Activate
    public SchedulerMetrics(@Reference MonitoringShare share, @Reference Nodes nodes) {
        this.share = share;
        this.nodes = nodes;
    }

    @Override
    public void collect(MetricsSink sink) {
        MonitoringShare.Figures f = share.figures();
        Map<String, String> node = Map.of("node", nodes.self().id());
        sink.counter("opsbench_monitoring_checks_run_total", "Check runs started on this node", node, f.runs());
        sink.counter("opsbench_monitoring_check_timeouts_total", "Check runs without a result within their timeout",
                node, f.timeouts());
        sink.counter("opsbench_monitoring_results_fenced_total",
                "Results dropped because this node lost the check's shard while it ran", node, f.fenced());
        sink.gauge("opsbench_monitoring_queue_depth", "Checks waiting for their time or a slot", node, f.queued());
        sink.gauge("opsbench_monitoring_shards_held", "Monitoring shards (leases) this node holds", node, f.shards());
        sink.gauge("opsbench_monitoring_checks_owned", "Hosts and checks in the shards this node holds", node,
                f.checks());
        Latencies l = f.latencies();
        long[] counts = new long[Latencies.BOUNDS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = l.cumulative(i);
        }
        sink.histogram("opsbench_monitoring_check_duration_seconds", "How long check runs took", node,
                Latencies.BOUNDS.clone(), counts, l.sumSeconds(), l.count());
    }
}
