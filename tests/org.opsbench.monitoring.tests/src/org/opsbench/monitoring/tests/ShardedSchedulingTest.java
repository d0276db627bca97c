package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.ShardListener;
import org.opsbench.cluster.internal.ClusterService;
import org.opsbench.cluster.internal.LeaseTable;
import org.opsbench.cluster.internal.NodeTable;
import org.opsbench.cluster.internal.ShardKeeper;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.persistence.Database;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real monitoring runtime in shared mode on the (Derby) database, beside a second node played by the test through
 * the same lease table: the runtime gives half of the shards away and runs none of their checks while the other node
 * holds them; when the other node stops renewing, the runtime takes them back after the lease time and runs them again.
 */
class ShardedSchedulingTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final int HOSTS = 24;

    private record Run(String host, long nanos) {
    }

    /** A check type that only records that it ran. */
    private static final class Counting implements CheckType {
        final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();

        @Override
        public String id() {
            return "shard-count";
        }

        @Override
        public String displayName() {
            return "Counts runs";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public CheckResult run(CheckContext context) {
            runs.add(new Run(context.parameters().get(org.opsbench.monitoring.CheckParameters.HOST_NAME),
                    System.nanoTime()));
            return CheckResult.of(Health.OK, "OK - counted");
        }
    }

    @Test
    void theRuntimeRunsOnlyTheShardsItHoldsAndTakesADeadNodesShardsBack() throws Exception {
        Counting counting = new Counting();
        ServiceRegistration<CheckType> type = Osgi.context().registerService(CheckType.class, counting,
                new Hashtable<>(Map.of("checkType", "shard-count")));
        ConfigurationAdmin config = Osgi.service(ConfigurationAdmin.class, null);
        Configuration cluster = config.getConfiguration(ClusterService.PID, "?");
        String prefix = "shard-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "-";
        List<String> hosts = new ArrayList<>();
        try {
            cluster.update(new Hashtable<>(Map.of("mode", "shared", "leaseSeconds", 3, "heartbeatSeconds", 1,
                    "nodeTimeoutSeconds", 30)));
            awaitShared();
            MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
            DataSource ds = Osgi.service(DataSource.class, Database.DEFAULT_DATASOURCE_FILTER);
            for (int i = 0; i < HOSTS; i++) {
                String host = prefix + i;
                hosts.add(host);
                admin.saveHost(OPS, HostDefinition.of(host, "127.0.0.1").withHostCheck("shard-count", Map.of(),
                        Duration.ofSeconds(1), 1));
            }
            MonitoringRuntime runtime = Osgi.service(MonitoringRuntime.class, null);
            awaitCondition(() -> runtime.shards() != null && runtime.shards().held().size() == MonitoringRuntime.SHARDS,
                    "the runtime alone holds every shard");

            // a second node comes: the runtime gives back half at its next round, the other node takes them
            NodeTable other = new NodeTable(ds, "other-node", "other", Duration.ofSeconds(30));
            other.start();
            ShardKeeper keeper = new ShardKeeper(new LeaseTable(ds, "other-node"), "other-node", "monitoring",
                    MonitoringRuntime.SHARDS, Duration.ofSeconds(3), new ShardListener() {
                        @Override
                        public void gained(Set<Integer> shards) {
                        }

                        @Override
                        public void lost(Set<Integer> shards) {
                        }
                    }, false);
            awaitCondition(() -> {
                keeper.rebalance();
                return keeper.held().size() == MonitoringRuntime.SHARDS / 2;
            }, "the other node got half of the shards");
            long takenOver = System.nanoTime();
            Set<Integer> theirs = keeper.held();
            assertEquals(MonitoringRuntime.SHARDS / 2, runtime.shards().held().size());
            for (int s : theirs) {
                assertFalse(runtime.shards().holds(s), "shard " + s + " held by both");
            }
            // four seconds of the other node holding its half (renewing); the runtime runs only its own
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1000);
                keeper.rebalance();
            }
            List<String> ranForeign = new ArrayList<>();
            int ranOwn = 0;
            for (Run r : counting.runs) {
                if (!hosts.contains(r.host()) || r.nanos() < takenOver) {
                    continue;
                }
                if (theirs.contains(MonitoringRuntime.shardOf(org.opsbench.monitoring.CheckKey.host(r.host())))) {
                    ranForeign.add(r.host());
                } else {
                    ranOwn++;
                }
            }
            assertEquals(List.of(), ranForeign, "the runtime ran checks of the other node's shards");
            assertTrue(ranOwn > 0, "the runtime kept running its own shards");

            // the other node dies (no renewal); after the lease time the runtime takes its shards back and runs them
            long died = System.nanoTime();
            awaitCondition(() -> runtime.shards().held().size() == MonitoringRuntime.SHARDS,
                    "the runtime took the dead node's shards over");
            assertTrue(System.nanoTime() - died >= TimeUnit.SECONDS.toNanos(2),
                    "not before the dead node's leases could expire");
            long back = System.nanoTime();
            awaitCondition(() -> counting.runs.stream().anyMatch(r -> r.nanos() > back && hosts.contains(r.host())
                    && theirs.contains(MonitoringRuntime.shardOf(org.opsbench.monitoring.CheckKey.host(r.host())))),
                    "the taken-over checks run again");
        } finally {
            MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
            for (String h : hosts) {
                admin.deleteHost(OPS, h);
            }
            cluster.update(new Hashtable<>(Map.of("mode", "auto")));
            awaitCondition(() -> Osgi.service(Nodes.class, null).solo(), "back to solo");
            type.unregister();
        }
    }

    private static void awaitShared() throws Exception {
        awaitCondition(() -> !Osgi.service(Nodes.class, null).solo(), "the cluster is shared");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitCondition(Condition c, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (c.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
