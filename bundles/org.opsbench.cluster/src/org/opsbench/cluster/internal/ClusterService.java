package org.opsbench.cluster.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.opsbench.cluster.Lease;
import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.Leases;
import org.opsbench.cluster.NodeInfo;
import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.ShardListener;
import org.opsbench.cluster.ShardSet;
import org.opsbench.cluster.Sharding;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * This node in the cluster: registers it, beats its heart, serves {@link Leases} and runs the {@link Sharding} rounds.
 * Alone on embedded Derby (mode {@code auto}) it neither beats nor leases: every shard is its own.
 */
@Component(service = {Nodes.class, Leases.class, Sharding.class}, configurationPid = ClusterService.PID)
@Designate(ocd = ClusterConfig.class)
public final class ClusterService implements Nodes, Leases, Sharding {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.cluster";

    /** The area name of the cluster's migrations. */
    public static final String AREA = "cluster";

    private final Logger log;
    private final NodeTable nodes;
    private final LeaseTable leases;
    private final boolean solo;
    private final String database;
    private final Duration ttl;
    private final Duration nodeTimeout;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService timer;
    private final List<ShardKeeper> keepers = new CopyOnWriteArrayList<>();

    @Activate
    public ClusterService(BundleContext context, ClusterConfig config,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference(service = LoggerFactory.class) Logger log)
            throws SQLException {
        this.log = log;
        migrations.migrate(AREA, context.getBundle(), "migrations");
        String workspace = context.getProperty(Database.WORKSPACE_PROPERTY);
        Path home = workspace == null || workspace.isBlank()
                ? Path.of(System.getProperty("user.home"), ".opsbench")
                : Path.of(workspace);
        String id = NodeIdentity.load(home);
        String name = NodeIdentity.name(config.nodeName());
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        this.database = url == null ? "?" : url;
        boolean embedded = database.startsWith("jdbc:derby:") && !database.startsWith("jdbc:derby://");
        this.solo = switch (config.mode()) {
            case "solo" -> true;
            case "shared" -> false;
            default -> embedded;
        };
        this.ttl = Duration.ofSeconds(Math.max(3, config.leaseSeconds()));
        this.nodeTimeout = Duration.ofSeconds(Math.max(2, config.nodeTimeoutSeconds()));
        this.nodes = new NodeTable(dataSource, id, name, nodeTimeout);
        this.leases = new LeaseTable(dataSource, id);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-cluster");
            t.setDaemon(true);
            return t;
        });
        if (!solo) {
            nodes.start();
            long beat = Math.max(1, config.heartbeatSeconds());
            timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.SECONDS);
            long renew = Math.max(1000, ttl.toMillis() / 3);
            timer.scheduleWithFixedDelay(this::rebalanceAll, renew, renew, TimeUnit.MILLISECONDS);
        }
        log.info("Cluster node {} ({}) on {}: {}", id, name, database, solo ? "solo" : "shared, lease " + ttl);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        keepers.forEach(ShardKeeper::close);
        keepers.clear();
        if (!solo) {
            try {
                nodes.stop();
            } catch (SQLException e) {
                log.warn("Could not mark node {} stopped: {}", nodes.id(), e.getMessage());
            }
        }
    }

    private void heartbeat() {
        try {
            nodes.heartbeat();
        } catch (SQLException | RuntimeException e) {
            log.warn("Heartbeat of node {} failed: {}", nodes.id(), e.getMessage());
        }
    }

    private void rebalanceAll() {
        for (ShardKeeper k : keepers) {
            try {
                k.rebalance();
            } catch (RuntimeException e) {
                log.warn("Shard round failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public ShardSet join(String name, int shards, ShardListener listener) {
        ShardKeeper keeper = new ShardKeeper(leases, nodes.id(), name, shards, ttl, listener, solo);
        keeper.rebalance();
        keepers.add(keeper);
        return new ShardSet() {
            @Override
            public int count() {
                return keeper.count();
            }

            @Override
            public boolean holds(int shard) {
                return keeper.holds(shard);
            }

            @Override
            public java.util.Set<Integer> held() {
                return keeper.held();
            }

            @Override
            public boolean solo() {
                return keeper.solo();
            }

            @Override
            public void close() {
                keepers.remove(keeper);
                keeper.close();
            }
        };
    }

    @Override
    public NodeInfo self() {
        if (solo) {
            return new NodeInfo(nodes.id(), NodeIdentity.name(null), started, Instant.now(), true);
        }
        try {
            return nodes.all().stream().filter(n -> n.id().equals(nodes.id())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("node " + nodes.id() + " is not registered"));
        } catch (SQLException e) {
            throw new IllegalStateException("reading nodes: " + e.getMessage(), e);
        }
    }

    @Override
    public List<NodeInfo> live() {
        if (solo) {
            return List.of(self());
        }
        try {
            return nodes.live();
        } catch (SQLException e) {
            throw new IllegalStateException("reading nodes: " + e.getMessage(), e);
        }
    }

    @Override
    public List<NodeInfo> all() {
        if (solo) {
            return List.of(self());
        }
        try {
            return nodes.all();
        } catch (SQLException e) {
            throw new IllegalStateException("reading nodes: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean solo() {
        return solo;
    }

    @Override
    public String database() {
        return database;
    }

    /** This node's id. */
    public String id() {
        return nodes.id();
    }

    @Override
    public Optional<Lease> acquire(String name, Duration leaseTtl) {
        return leases.acquire(name, leaseTtl);
    }

    @Override
    public List<Lease> renew(Collection<Lease> held, Duration leaseTtl) {
        return leases.renew(held, leaseTtl);
    }

    @Override
    public void release(Collection<Lease> held) {
        leases.release(held);
    }

    @Override
    public List<LeaseState> list(String prefix) {
        return leases.list(prefix);
    }
}
