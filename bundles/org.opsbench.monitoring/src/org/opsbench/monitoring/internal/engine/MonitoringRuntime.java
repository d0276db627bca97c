package org.opsbench.monitoring.internal.engine;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.ShardListener;
import org.opsbench.cluster.ShardSet;
import org.opsbench.cluster.Sharding;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Notifier;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.StateChangePublisher;
import org.opsbench.monitoring.internal.metrics.MetricStoreComponent;
import org.opsbench.monitoring.internal.store.ConfigStore;
import org.opsbench.monitoring.internal.store.StateStore;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManagerFactory;

/**
 * The running monitoring area: the configuration and state stores, the {@link Engine}, the {@link Scheduler} and the
 * {@link EffectsWriter}. An internal service for the public services ({@code MonitoringAdmin}, {@code Monitoring});
 * check types and notifiers come and go as services. Immediate: a server runs its checks (and takes its share of the
 * shards) from its start, not from the first console or API call that needs monitoring.
 */
@Component(service = MonitoringRuntime.class, configurationPid = MonitoringRuntime.PID, immediate = true)
@Designate(ocd = MonitoringConfig.class)
public final class MonitoringRuntime implements Scheduler.Plan {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.monitoring";

    /** The checks are split into this many shards (by host), each a lease when several servers share the work. */
    public static final int SHARDS = 64;

    /** The name of the shard leases ({@code monitoring.0} ... {@code monitoring.63}). */
    public static final String SHARD_WORK = "monitoring";

    private final Map<String, CheckType> checkTypes = new ConcurrentHashMap<>();
    private final Map<String, Notifier> notifiers = new ConcurrentHashMap<>();
    private final Engine engine = new Engine();
    private final Clock clock = Clock.systemUTC();

    @Reference(target = Database.DEFAULT_DATASOURCE_FILTER)
    private DataSource dataSource;
    @Reference
    private SchemaMigrations migrations;
    @Reference
    private PersistenceUnits units;
    @Reference
    private MetricStore metricStore;
    @Reference
    private StateChangePublisher publisher;
    @Reference(service = LoggerFactory.class)
    private Logger log;
    /** Present with the cluster bundle; without it this process runs every check, as a single node always did. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private Sharding sharding;
    /** Present with the cluster bundle: tells whether other processes share the database. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private Nodes nodes;

    private EntityManagerFactory emf;
    private ConfigStore config;
    private StateStore states;
    private EffectsWriter writer;
    private Scheduler scheduler;
    private ScheduledExecutorService ticker;
    private boolean scheduling;
    private volatile ShardSet shards;
    private volatile boolean joined;
    private long ticks;
    private ConfigRefresh refresh;

    /** Loads configuration and states and starts the schedule; check types are bound by now. */
    @Activate
    void activate(BundleContext context, MonitoringConfig settings) throws SQLException {
        migrations.migrate(MetricStoreComponent.AREA, context.getBundle(), "migrations");
        emf = units.createEntityManagerFactory("monitoring");
        config = new ConfigStore(emf);
        states = new StateStore(dataSource);
        Instant now = clock.instant();
        refresh = new ConfigRefresh(config, engine, clock, log, this::reschedule);
        ConfigStore.Snapshot loaded = config.load(now);
        engine.load(loaded, states.loadStates());
        writer = new EffectsWriter(states, metricStore, publisher, notifiers::get, log,
                settings.writeIntervalMillis());
        scheduler = new Scheduler(this, clock, settings.maxConcurrentChecks(), settings.perHostConcurrentChecks());
        scheduler.onFailure((key, e) -> log.error("The result of {} could not be taken; it runs again on its"
                + " schedule", key, e));
        scheduling = settings.scheduling();
        if (scheduling && sharding != null) {
            scheduler.gate(this::owned, this::shardHeld);
            shards = sharding.join(SHARD_WORK, SHARDS, new Shares());
            joined = true;
        } else if (scheduling) {
            loaded.hosts().forEach(h -> scheduler.schedule(CheckKey.host(h.name())));
            loaded.checks().forEach(c -> scheduler.schedule(c.key()));
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-monitoring-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        log.info("Monitoring started: {} hosts, {} checks, {} notification rules", loaded.hosts().size(),
                loaded.checks().size(), loaded.rules().size());
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        ShardSet held = shards;
        if (held != null) {
            // stops the checks, writes what is pending and gives the shards to the other nodes at once
            held.close();
        }
        scheduler.close();
        writer.close();
        emf.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheckType(CheckType type) {
        checkTypes.put(type.id(), type);
    }

    void removeCheckType(CheckType type) {
        checkTypes.remove(type.id(), type);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.put(notifier.id(), notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier.id(), notifier);
    }

    private void tick() {
        try {
            ShardSet held = shards;
            synchronized (engine) {
                // repeats, escalations and held back notifications come from the node that runs the check; a node
                // that schedules nothing (a workbench on the team database) never sends them
                writer.submit(!scheduling
                        ? engine.tick(clock.instant(), k -> false)
                        : held == null ? engine.tick(clock.instant()) : engine.tick(clock.instant(), this::owned));
            }
            if (held != null && !held.solo()) {
                ticks++;
                if (ticks % 2 == 0) {
                    // another server may have changed the configuration: one small read tells
                    refreshConfiguration();
                }
                if (ticks % 5 == 0 && held.held().size() < SHARDS) {
                    // the other servers ran checks this one shows
                    showOthers(k -> !held.holds(shardOf(k)));
                }
            } else if (!scheduling && nodes != null && !nodes.solo() && ++ticks % 2 == 0) {
                // a viewer on the team database: the servers change the configuration and run every check
                refreshConfiguration();
                showOthers(k -> true);
            }
        } catch (RuntimeException e) {
            log.error("Monitoring tick failed", e);
        }
    }

    /** The shard of a host or check: by host, so a host's checks run on the node that runs its host check. */
    public static int shardOf(CheckKey key) {
        return ShardSet.shardOf(key.host(), SHARDS);
    }

    /** Whether this node runs the check now (no sharing, or the check's shard held with a valid lease). */
    public boolean owned(CheckKey key) {
        ShardSet held = shards;
        if (held == null) {
            return !joined;
        }
        return held.holds(shardOf(key));
    }

    /** Whether the check's shard is this node's, whether or not its lease is valid this moment. */
    private boolean shardHeld(CheckKey key) {
        ShardSet held = shards;
        return held != null && held.held().contains(shardOf(key));
    }

    /** Whether this node runs checks on their schedule. */
    public boolean scheduling() {
        return scheduling;
    }

    /** The shards this node holds now, or {@code null} without the cluster bundle. */
    public ShardSet shards() {
        return shards;
    }

    /** Reads the states the other nodes wrote of the checks {@code theirs} accepts, so that reads here show them. */
    private void showOthers(Predicate<CheckKey> theirs) {
        try {
            List<SavedState> saved = states.loadStates().stream().filter(s -> theirs.test(s.key())).toList();
            synchronized (engine) {
                engine.restore(saved);
            }
        } catch (SQLException e) {
            log.warn("Reading the states of other nodes failed: {}", e.getMessage());
        }
    }

    /**
     * Runs a change of the configuration (database first, then the engine) so that no {@link #refreshConfiguration()}
     * interleaves with it.
     */
    public <T> T edit(Supplier<T> change) {
        return refresh.edit(change);
    }

    /**
     * Takes what other servers changed in the database into the engine when the configuration's version moved; runs
     * every two seconds when several servers share the work. Returns whether it read the configuration.
     */
    public boolean refreshConfiguration() {
        return refresh.refresh();
    }

    /** Takes shards over from the stored states, and stops them cleanly. */
    private final class Shares implements ShardListener {

        @Override
        public void gained(Set<Integer> gained) {
            boolean first = !joined;
            Map<CheckKey, SavedState> saved = new HashMap<>();
            try {
                for (SavedState s : states.loadStates()) {
                    if (gained.contains(shardOf(s.key()))) {
                        saved.put(s.key(), s);
                    }
                }
            } catch (SQLException e) {
                log.warn("Reading the states of {} shards taken over failed: {}", gained.size(), e.getMessage());
            }
            List<CheckKey> keys;
            synchronized (engine) {
                engine.restore(saved.values());
                keys = engine.keys().stream().filter(k -> gained.contains(shardOf(k))).toList();
            }
            long now = clock.millis();
            for (CheckKey key : keys) {
                Scheduler.Timing timing = engine.timing(key);
                if (timing == null) {
                    continue;
                }
                long interval = Math.max(1,
                        (timing.retrying() ? timing.retryInterval() : timing.interval()).toMillis());
                SavedState s = saved.get(key);
                long due = s == null || s.lastCheck() == null ? -1 : s.lastCheck().toEpochMilli() + interval;
                if (due > now) {
                    // the schedule goes on where the last holder left it: no run twice in one interval
                    scheduler.scheduleAt(key, due);
                } else if (first) {
                    scheduler.schedule(key);
                } else {
                    // overdue (its holder died): soon, spread over two seconds at most
                    long window = Math.min(interval, 2000);
                    scheduler.scheduleAt(key, now + Math.floorMod(key.hashCode() * 0x9E3779B97F4A7C15L, window));
                }
            }
            log.info("Monitoring took {} shards ({} hosts and checks)", gained.size(), keys.size());
        }

        @Override
        public void lost(Set<Integer> lost) {
            // the scheduler's gate already refuses these checks; what they wrote must be stored before the next holder
            // reads it
            writer.flush();
            log.info("Monitoring gave up {} shards", lost.size());
        }
    }

    @Override
    public Scheduler.Timing timing(CheckKey key) {
        return engine.timing(key);
    }

    @Override
    public CheckResult run(CheckKey key, Duration timeout) throws InterruptedException {
        return run(engine, checkTypes::get, key, timeout);
    }

    /**
     * Runs a check or host check as the engine defines it now, with the type {@code types} gives for its id, adding the
     * host's SSH settings as {@link CheckParameters}.
     */
    public static CheckResult run(Engine engine, Function<String, CheckType> types, CheckKey key, Duration timeout)
            throws InterruptedException {
        HostDefinition host = engine.host(key.host()).orElse(null);
        if (host == null) {
            return CheckResult.of(Health.UNKNOWN, "UNKNOWN - host " + key.host() + " is gone");
        }
        String typeId;
        Map<String, String> parameters = new HashMap<>();
        if (key.isHost()) {
            typeId = host.hostCheck();
            parameters.putAll(host.hostCheckParameters());
        } else {
            CheckDefinition c = engine.check(key).orElse(null);
            if (c == null) {
                return CheckResult.of(Health.UNKNOWN, "UNKNOWN - check " + key + " is gone");
            }
            typeId = c.type();
            parameters.putAll(c.parameters());
        }
        CheckType type = types.apply(typeId);
        if (type == null) {
            return CheckResult.of(Health.UNKNOWN, "UNKNOWN - check type '" + typeId + "' is not installed");
        }
        parameters.put(CheckParameters.HOST_NAME, host.name());
        if (host.sshUser() != null) {
            parameters.put(CheckParameters.SSH_USER, host.sshUser());
            parameters.put(CheckParameters.SSH_PORT, Integer.toString(host.sshPort()));
        }
        if (host.credentialAlias() != null) {
            parameters.put(CheckParameters.SSH_CREDENTIAL, host.credentialAlias());
        }
        return type.run(new CheckContext(null, host.address(), parameters, timeout));
    }

    @Override
    public void completed(CheckKey key, CheckResult result, Instant at) {
        synchronized (engine) {
            writer.submit(engine.accept(key, result, at));
        }
    }

    /** The engine; callers that act on it submit its effects through {@link #apply(Effects)} under its lock. */
    public Engine engine() {
        return engine;
    }

    /** Carries out effects of an operator action. */
    public void apply(Effects effects) {
        writer.submit(effects);
    }

    /** The configuration store. */
    public ConfigStore config() {
        return config;
    }

    /** The state store. */
    public StateStore states() {
        return states;
    }

    /** The scheduler. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Writes what is pending (tests, console, before a read that must see the latest). */
    public void flush() {
        writer.flush();
    }

    /** Writes pending states, history and alert log entries, so that a read sees them. */
    public void writeNow() {
        writer.writeNow();
    }

    /**
     * Runs a check or host check out of schedule; the future completes when its result was taken. Without scheduling,
     * it runs on a virtual thread of its own.
     */
    public CompletableFuture<Void> runNow(CheckKey key) {
        if (scheduling) {
            return scheduler.runNow(key);
        }
        Scheduler.Timing timing = timing(key);
        if (timing == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not enabled: " + key));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                completed(key, run(key, timing.timeout()), clock.instant());
                done.complete(null);
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** Installed check types by id. */
    public Map<String, CheckType> checkTypes() {
        return Map.copyOf(checkTypes);
    }

    /** Installed notifiers by id. */
    public Map<String, Notifier> notifiers() {
        return Map.copyOf(notifiers);
    }

    /** Reschedules after a configuration change (or cancels when it is gone or disabled). */
    public void reschedule(CheckKey key) {
        if (scheduling) {
            scheduler.schedule(key);
        }
    }

    /** Reschedules a host and all its checks. */
    public void rescheduleHost(String host, List<CheckDefinition> checks) {
        reschedule(CheckKey.host(host));
        checks.forEach(c -> reschedule(c.key()));
    }
}
