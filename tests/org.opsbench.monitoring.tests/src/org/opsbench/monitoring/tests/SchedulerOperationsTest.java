package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.rest.HealthIndicator;
import org.opsbench.rest.MetricsSink;
import org.opsbench.rest.MetricsSource;
import org.osgi.framework.ServiceRegistration;

/**
 * The scheduler's figures as the server serves them: the monitoring {@link MetricsSource} (checks run, latency
 * histogram, queue depth, shards held, labelled with the node) and the {@code scheduler} {@link HealthIndicator}, on
 * the real runtime running a real (trivial) check. A single node holds all 64 shards.
 */
class SchedulerOperationsTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final String SOURCE = "(component.name=org.opsbench.monitoring.internal.ops.SchedulerMetrics)";

    /** Records what a source reports: name (with labels) to value; histograms as name_count and name_bucket_i. */
    private static final class Recording implements MetricsSink {
        final Map<String, Double> values = new HashMap<>();
        final Map<String, Map<String, String>> labels = new HashMap<>();

        @Override
        public void counter(String name, String help, Map<String, String> l, double value) {
            values.put(name, value);
            labels.put(name, l);
        }

        @Override
        public void gauge(String name, String help, Map<String, String> l, double value) {
            values.put(name, value);
            labels.put(name, l);
        }

        @Override
        public void histogram(String name, String help, Map<String, String> l, double[] upperBounds,
                long[] cumulativeCounts, double sum, long count) {
            assertEquals(upperBounds.length, cumulativeCounts.length, name);
            for (int i = 1; i < cumulativeCounts.length; i++) {
                assertTrue(cumulativeCounts[i] >= cumulativeCounts[i - 1], name + " buckets are cumulative");
            }
            assertTrue(cumulativeCounts[cumulativeCounts.length - 1] <= count, name);
            values.put(name + "_count", (double) count);
            values.put(name + "_sum", sum);
            labels.put(name, l);
        }
    }

    @Test
    void metricsCountTheRunsOfARealCheckAndTheHealthNamesTheShards() throws Exception {
        CheckType quick = new CheckType() {
            @Override
            public String id() {
                return "ops-quick";
            }

            @Override
            public String displayName() {
                return "Answers at once";
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public CheckResult run(CheckContext context) {
                return CheckResult.of(Health.OK, "OK - at once");
            }
        };
        ServiceRegistration<CheckType> type = Osgi.context().registerService(CheckType.class, quick,
                new Hashtable<>(Map.of("checkType", "ops-quick")));
        MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
        String host = "ops-metrics-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try {
            MetricsSource source = Osgi.service(MetricsSource.class, SOURCE);
            Recording before = new Recording();
            source.collect(before);
            admin.saveHost(OPS,
                    HostDefinition.of(host, "127.0.0.1").withHostCheck("ops-quick", Map.of(), Duration.ofSeconds(1),
                            1));

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Recording after = new Recording();
            while (System.nanoTime() < end) {
                after = new Recording();
                source.collect(after);
                if (after.values.get("opsbench_monitoring_checks_run_total") >= before.values
                        .get("opsbench_monitoring_checks_run_total") + 2) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(after.values.get("opsbench_monitoring_checks_run_total") >= before.values
                    .get("opsbench_monitoring_checks_run_total") + 2, "two more runs counted: " + after.values);
            assertTrue(after.values.get("opsbench_monitoring_check_duration_seconds_count") > before.values
                    .get("opsbench_monitoring_check_duration_seconds_count"), "the runs are in the histogram");
            assertEquals(64.0, after.values.get("opsbench_monitoring_shards_held"), "alone: every shard");
            assertTrue(after.values.containsKey("opsbench_monitoring_queue_depth"), after.values.toString());
            assertTrue(after.values.get("opsbench_monitoring_checks_owned") >= 1, after.values.toString());
            assertTrue(after.labels.get("opsbench_monitoring_shards_held").containsKey("node"), "labelled by node");

            HealthIndicator health = Osgi.service(HealthIndicator.class,
                    "(component.name=org.opsbench.monitoring.internal.ops.SchedulerHealth)");
            assertEquals("scheduler", health.name());
            org.opsbench.rest.Health h = health.check();
            assertTrue(h.up(), h.detail());
            assertTrue(h.detail().startsWith("64 shards, "), h.detail());
        } finally {
            admin.deleteHost(OPS, host);
            type.unregister();
        }
    }
}
