package org.opsbench.monitoring.internal.engine;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

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
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManagerFactory;

/**
 * The running monitoring area: the configuration and state stores, the {@link Engine}, the {@link Scheduler} and the
 * {@link EffectsWriter}. An internal service for the public services ({@code MonitoringAdmin}, {@code Monitoring});
 * check types and notifiers come and go as services.
 */
@Component(service = MonitoringRuntime.class, configurationPid = MonitoringRuntime.PID)
@Designate(ocd = MonitoringConfig.class)
public final class MonitoringRuntime implements Scheduler.Plan {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.monitoring";

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

    private EntityManagerFactory emf;
    private ConfigStore config;
    private StateStore states;
    private EffectsWriter writer;
    private Scheduler scheduler;
    private ScheduledExecutorService ticker;
    private boolean scheduling;

    /** Loads configuration and states and starts the schedule; check types are bound by now. */
    @Activate
    void activate(BundleContext context, MonitoringConfig settings) throws SQLException {
        migrations.migrate(MetricStoreComponent.AREA, context.getBundle(), "migrations");
        emf = units.createEntityManagerFactory("monitoring");
        config = new ConfigStore(emf);
        states = new StateStore(dataSource);
        Instant now = clock.instant();
        ConfigStore.Snapshot loaded = config.load(now);
        engine.load(loaded, states.loadStates());
        writer = new EffectsWriter(states, metricStore, publisher, notifiers::get, log,
                settings.writeIntervalMillis());
        scheduler = new Scheduler(this, clock, settings.maxConcurrentChecks(), settings.perHostConcurrentChecks());
        scheduling = settings.scheduling();
        if (scheduling) {
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
            synchronized (engine) {
                writer.submit(engine.tick(clock.instant()));
            }
        } catch (RuntimeException e) {
            log.error("Monitoring tick failed", e);
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
