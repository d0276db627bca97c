package org.opsbench.monitoring.internal.service;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.MetricHistory;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringPermissions;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.internal.engine.Effects;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.monitoring.metrics.SeriesKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Monitoring}: states from the engine, history from the database, operator actions audited. */
@Component(service = Monitoring.class)
public final class MonitoringService implements Monitoring {

    private final MonitoringRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;
    private final MetricStore metricStore;

    /** With the runtime, the security core and the metric store. */
    @Activate
    public MonitoringService(@Reference MonitoringRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference MetricStore metricStore) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
        this.metricStore = metricStore;
    }

    @Override
    public List<HostStatus> hosts(Principal caller) {
        access.check(caller, MonitoringPermissions.READ);
        return runtime.engine().hostStatuses(runtime.clock().instant());
    }

    @Override
    public List<CheckStatus> checks(Principal caller, String host) {
        access.check(caller, MonitoringPermissions.READ);
        return runtime.engine().checkStatuses(host, runtime.clock().instant(), runtime.scheduler()::nextRun);
    }

    @Override
    public List<CheckStatus> problems(Principal caller) {
        access.check(caller, MonitoringPermissions.READ);
        Instant now = runtime.clock().instant();
        List<CheckStatus> out = new ArrayList<>();
        for (HostStatus h : runtime.engine().hostStatuses(now)) {
            if (h.state() != null && h.state() != HostState.UP && h.stateType() == StateType.HARD) {
                Health as = h.state() == HostState.DOWN ? Health.CRITICAL : Health.UNKNOWN;
                out.add(new CheckStatus(CheckKey.host(h.name()), "host", as, h.stateType(), 1, 1, as,
                        h.state() + ": " + h.output(), List.of(), h.lastCheck(), h.lastStateChange(), null, false, 0,
                        h.state() != HostState.UNREACHABLE, h.acknowledgement(), h.inDowntime(), h.enabled()));
            }
        }
        for (CheckStatus c : runtime.engine().checkStatuses(null, now, runtime.scheduler()::nextRun)) {
            if (c.hardState() != null && c.hardState() != Health.OK && c.stateType() == StateType.HARD) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing((CheckStatus c) -> c.unhandledProblem() ? 0 : 1)
                .thenComparing(c -> -rank(c.state())).thenComparing(c -> c.key().toString()));
        return out;
    }

    private static int rank(Health h) {
        return h == null ? -1 : switch (h) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }

    @Override
    public CheckStatus runNow(Principal caller, CheckKey key, Duration wait) throws InterruptedException {
        access.check(caller, MonitoringPermissions.WRITE);
        Engine engine = runtime.engine();
        if (key.isHost() ? engine.host(key.host()).isEmpty() : engine.check(key).isEmpty()) {
            throw new IllegalArgumentException("no such " + (key.isHost() ? "host" : "check") + ": " + key);
        }
        audit.append(AuditEntry.of(caller, "monitoring.check.run", key.isHost()
                ? "monitoring-host"
                : "monitoring-check", key.toString(), "ran " + key + " now"));
        try {
            runtime.runNow(key).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot run " + key + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            // still running: the caller gets the state as it is
        }
        Instant now = runtime.clock().instant();
        if (key.isHost()) {
            HostStatus h = engine.hostStatuses(now).stream().filter(s -> s.name().equals(key.host())).findFirst()
                    .orElseThrow();
            Health as = h.state() == null || h.state() == HostState.UP ? Health.OK : Health.CRITICAL;
            return new CheckStatus(key, "host", as, h.stateType(), 1, 1, as, h.output(), List.of(), h.lastCheck(),
                    h.lastStateChange(), null, false, 0, true, h.acknowledgement(), h.inDowntime(), h.enabled());
        }
        return engine.checkStatus(key, now, runtime.scheduler()::nextRun).orElseThrow();
    }

    @Override
    public void acknowledge(Principal caller, CheckKey key, String comment) {
        access.check(caller, MonitoringPermissions.ACKNOWLEDGE);
        Validation.comment("comment", comment);
        Engine engine = runtime.engine();
        synchronized (engine) {
            Effects effects = engine.acknowledge(key,
                    new Acknowledgement(caller.name(), comment.strip(), runtime.clock().instant()));
            runtime.apply(effects);
        }
        runtime.writeNow();
        audit.append(AuditEntry.of(caller, "monitoring.acknowledge", kind(key), key.toString(),
                "acknowledged " + key + ": " + comment.strip()));
    }

    @Override
    public boolean removeAcknowledgement(Principal caller, CheckKey key) {
        access.check(caller, MonitoringPermissions.ACKNOWLEDGE);
        Engine engine = runtime.engine();
        boolean removed;
        synchronized (engine) {
            var effects = engine.removeAcknowledgement(key);
            effects.ifPresent(runtime::apply);
            removed = effects.isPresent();
        }
        if (removed) {
            runtime.writeNow();
            audit.append(AuditEntry.of(caller, "monitoring.acknowledge.remove", kind(key), key.toString(),
                    "removed the acknowledgement of " + key));
        }
        return removed;
    }

    @Override
    public Downtime scheduleDowntime(Principal caller, CheckKey target, Instant start, Instant end, String comment) {
        access.check(caller, MonitoringPermissions.ACKNOWLEDGE);
        return runtime.edit(() -> {
            Validation.downtime(start, end, comment);
            Engine engine = runtime.engine();
            if (target.isHost() ? engine.host(target.host()).isEmpty() : engine.check(target).isEmpty()) {
                throw new org.opsbench.monitoring.InvalidDefinitionException("target", "no such "
                        + (target.isHost() ? "host" : "check") + ": " + target);
            }
            Downtime saved = runtime.config()
                    .addDowntime(new Downtime(0, target, start, end, caller.name(), comment.strip()));
            audit.append(new AuditEntry(caller, "monitoring.downtime.schedule", kind(target), target.toString(),
                    "scheduled downtime " + saved.id() + " of " + target + " from " + start + " to " + end + ": "
                            + saved.comment(),
                    null, saved.toString()));
            engine.addDowntime(saved);
            return saved;
        });
    }

    @Override
    public boolean cancelDowntime(Principal caller, long id) {
        access.check(caller, MonitoringPermissions.ACKNOWLEDGE);
        return runtime.edit(() -> {
            var gone = runtime.config().cancelDowntime(id, Instant.now());
            if (gone.isEmpty()) {
                return false;
            }
            audit.append(new AuditEntry(caller, "monitoring.downtime.cancel", kind(gone.get().target()),
                    gone.get().target().toString(), "cancelled downtime " + id + " of " + gone.get().target(),
                    gone.get().toString(), null));
            runtime.engine().removeDowntime(id);
            return true;
        });
    }

    @Override
    public List<Downtime> downtimes(Principal caller, Instant from, Instant to) {
        access.check(caller, MonitoringPermissions.READ);
        return runtime.config().downtimes(from, to);
    }

    @Override
    public List<StateHistoryEntry> history(Principal caller, CheckKey key, Instant from, Instant to, int limit) {
        access.check(caller, MonitoringPermissions.READ);
        runtime.writeNow();
        try {
            return runtime.states().history(key, from, to, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<AlertRecord> alerts(Principal caller, Instant from, Instant to, int limit) {
        access.check(caller, MonitoringPermissions.READ);
        runtime.writeNow();
        try {
            return runtime.states().alerts(from, to, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the alert log: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MetricHistory> metrics(Principal caller, CheckKey key, Instant from, Instant to, int maxPoints) {
        access.check(caller, MonitoringPermissions.READ);
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("the period must end after it starts, was " + from + " to " + to);
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, was " + maxPoints);
        }
        // the samples of results taken a moment ago are still with the writer
        runtime.writeNow();
        String prefix = key.seriesName("");
        List<MetricHistory> out = new ArrayList<>();
        for (SeriesKey series : metricStore.allSeries()) {
            if (series.name().startsWith(prefix) && series.name().length() > prefix.length()) {
                out.add(new MetricHistory(series.name().substring(prefix.length()), series.unit(),
                        metricStore.query(series.id(), from.toEpochMilli(), to.toEpochMilli(), maxPoints)));
            }
        }
        out.sort(Comparator.comparing(MetricHistory::metric));
        return out;
    }

    @Override
    public Availability availability(Principal caller, CheckKey key, Instant from, Instant to) {
        access.check(caller, MonitoringPermissions.READ);
        runtime.writeNow();
        try {
            return runtime.states().availability(key, from, to, key.isHost() ? "UP" : "OK");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the availability of " + key + ": " + e.getMessage(), e);
        }
    }

    private static String kind(CheckKey key) {
        return key.isHost() ? "monitoring-host" : "monitoring-check";
    }
}
