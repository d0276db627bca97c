package org.opsbench.monitoring.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.FlapDetection;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.StateMachine;
import org.opsbench.monitoring.StateSnapshot;
import org.opsbench.monitoring.Transition;
import org.opsbench.monitoring.internal.store.ConfigStore;

/**
 * Turns check results into states, history and alerts. Pure logic on an explicit clock (the result and tick times), so
 * the scheduler, the alert rule tests and unit tests drive the same code. Thread-safe; every step returns the
 * {@link Effects} for the caller to write, post and deliver outside the lock.
 */
public final class Engine {

    private final Map<String, HostDefinition> hostDefs = new HashMap<>();
    private final Map<String, Subject<HostState>> hosts = new HashMap<>();
    private final Map<CheckKey, CheckDefinition> checkDefs = new HashMap<>();
    private final Map<CheckKey, Subject<Health>> checks = new HashMap<>();
    private final Alerting alerting = new Alerting(this);

    private static final Duration HOST_RETRY = Duration.ofSeconds(30);
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(10);

    /** Loads the whole configuration and the saved states (replacing what was there). */
    public synchronized void load(ConfigStore.Snapshot config, Collection<SavedState> saved) {
        hostDefs.clear();
        hosts.clear();
        checkDefs.clear();
        checks.clear();
        config.hosts().forEach(this::putHostLocked);
        config.checks().forEach(this::putCheckLocked);
        alerting.setRules(config.rules());
        alerting.setDowntimes(config.downtimes());
        List<String> ruleNames = config.rules().stream().map(NotificationRule::name).toList();
        for (SavedState s : saved) {
            Subject<?> subject = s.key().isHost() ? hosts.get(s.key().host()) : checks.get(s.key());
            if (subject != null) {
                subject.restore(s, ruleNames);
            }
        }
    }

    /**
     * Replaces the states of some hosts and checks by saved ones (another node ran them; this node takes them over, or
     * shows what the other wrote).
     */
    public synchronized void restore(Collection<SavedState> saved) {
        List<String> ruleNames = alerting.ruleNames();
        for (SavedState s : saved) {
            Subject<?> subject = s.key().isHost() ? hosts.get(s.key().host()) : checks.get(s.key());
            if (subject != null) {
                subject.restore(s, ruleNames);
            }
        }
    }

    /** Every host and check key, hosts first. */
    public synchronized List<CheckKey> keys() {
        List<CheckKey> out = new ArrayList<>(hosts.size() + checks.size());
        out.addAll(hosts.values().stream().map(h -> h.key).toList());
        out.addAll(checks.keySet());
        return out;
    }

    /** Adds or replaces a host, keeping its state. */
    public synchronized void putHost(HostDefinition host) {
        putHostLocked(host);
    }

    private void putHostLocked(HostDefinition host) {
        hostDefs.put(host.name(), host);
        StateMachine<HostState> machine = StateMachine.forHost(host.maxAttempts(), new FlapDetection<>());
        Subject<HostState> old = hosts.get(host.name());
        if (old == null) {
            hosts.put(host.name(), new Subject<>(CheckKey.host(host.name()), HostState.class, HostState.UP, machine));
        } else {
            old.replaceMachine(machine);
        }
    }

    /** Removes a host and its checks. */
    public synchronized void removeHost(String name) {
        hostDefs.remove(name);
        hosts.remove(name);
        checkDefs.keySet().removeIf(k -> k.host().equals(name));
        checks.keySet().removeIf(k -> k.host().equals(name));
    }

    /** Adds or replaces a check, keeping its state. */
    public synchronized void putCheck(CheckDefinition check) {
        putCheckLocked(check);
    }

    private void putCheckLocked(CheckDefinition check) {
        checkDefs.put(check.key(), check);
        StateMachine<Health> machine = StateMachine.forCheck(check.maxAttempts(), new FlapDetection<>());
        Subject<Health> old = checks.get(check.key());
        if (old == null) {
            checks.put(check.key(), new Subject<>(check.key(), Health.class, Health.OK, machine));
        } else {
            old.replaceMachine(machine);
        }
    }

    /** Removes a check. */
    public synchronized void removeCheck(CheckKey key) {
        checkDefs.remove(key);
        checks.remove(key);
    }

    /** Replaces the notification rules. */
    public synchronized void setRules(List<NotificationRule> rules) {
        alerting.setRules(rules);
    }

    /** The notification rules, by name. */
    public synchronized List<NotificationRule> rules() {
        return alerting.rules();
    }

    /** The maintenance windows not yet over (as of the last tick). */
    public synchronized List<Downtime> downtimes() {
        return alerting.downtimes();
    }

    /** Replaces the maintenance windows. */
    public synchronized void setDowntimes(List<Downtime> downtimes) {
        alerting.setDowntimes(downtimes);
    }

    /** Adds a maintenance window. */
    public synchronized void addDowntime(Downtime downtime) {
        alerting.addDowntime(downtime);
    }

    /** Removes a maintenance window. */
    public synchronized void removeDowntime(long id) {
        alerting.removeDowntime(id);
    }

    /** The host definition. */
    public synchronized Optional<HostDefinition> host(String name) {
        return Optional.ofNullable(hostDefs.get(name));
    }

    /** The check definition. */
    public synchronized Optional<CheckDefinition> check(CheckKey key) {
        return Optional.ofNullable(checkDefs.get(key));
    }

    /** The checks of a host, by name. */
    public synchronized List<CheckDefinition> checksOf(String host) {
        return checkDefs.values().stream().filter(c -> c.host().equals(host))
                .sorted(Comparator.comparing(CheckDefinition::name)).toList();
    }

    /** The hosts that name {@code host} as a parent. */
    public synchronized List<String> hostsBehind(String host) {
        return hostDefs.values().stream().filter(h -> h.parents().contains(host)).map(HostDefinition::name).sorted()
                .toList();
    }

    /**
     * How the check (or host check) is scheduled now: its interval, retry interval (30 s at most for a host check),
     * timeout and whether it is retrying; {@code null} when it is gone or disabled. The scheduler and the alert rule
     * tests time results by it.
     */
    public synchronized Scheduler.Timing timing(CheckKey key) {
        HostDefinition h = hostDefs.get(key.host());
        if (h == null || !h.enabled()) {
            return null;
        }
        if (key.isHost()) {
            Duration retry = h.interval().compareTo(HOST_RETRY) <= 0 ? h.interval() : HOST_RETRY;
            return new Scheduler.Timing(h.interval(), retry, HOST_TIMEOUT, retrying(key));
        }
        CheckDefinition c = checkDefs.get(key);
        if (c == null || !c.enabled()) {
            return null;
        }
        return new Scheduler.Timing(c.interval(), c.retryInterval(), c.timeout(), retrying(key));
    }

    /** Whether the check (or host) has an unconfirmed problem, so it runs at its retry interval. */
    public synchronized boolean retrying(CheckKey key) {
        Subject<?> s = subject(key);
        return s != null && s.anyProblem() && s.type() == org.opsbench.monitoring.StateType.SOFT;
    }

    /** Takes one result of a host check or check that ran at {@code at}. */
    public synchronized Effects accept(CheckKey key, CheckResult result, Instant at) {
        Effects effects = new Effects();
        if (key.isHost()) {
            Subject<HostState> host = hosts.get(key.host());
            if (host != null) {
                HostState state = HostState.of(result.health(), parentsDown(hostDefs.get(key.host())));
                apply(host, state, result.summary(), result.metrics(), at, effects);
            }
        } else {
            Subject<Health> check = checks.get(key);
            if (check != null) {
                CheckResult judged = Thresholds.apply(checkDefs.get(key).thresholds(), result);
                apply(check, judged.health(), judged.summary(), judged.metrics(), at, effects);
            }
        }
        return effects;
    }

    private <S extends Enum<S>> void apply(Subject<S> s, S state, String summary, List<Metric> metrics, Instant at,
            Effects effects) {
        boolean first = !s.hasResult;
        StateSnapshot<S> before = s.snapshot();
        List<Transition<S>> transitions = s.machine.accept(state);
        s.hasResult = true;
        s.output = summary == null ? "" : summary;
        s.metrics = metrics;
        s.lastCheck = at;
        StateSnapshot<S> after = s.snapshot();
        if (first) {
            s.lastChange = at;
            effects.history.add(new StateHistoryEntry(s.key, at, null, state.name(), after.type(), s.output));
            if (state != s.okState && s.problemSince == null) {
                s.problemSince = at;
            }
        }
        for (Transition<S> t : transitions) {
            switch (t) {
                case Transition.SoftStateChanged<S> soft -> {
                    if (!first) {
                        s.lastChange = at;
                        effects.history.add(new StateHistoryEntry(s.key, at, before.state().name(),
                                soft.newState().name(), after.type(), s.output));
                    }
                    if (soft.newState() != s.okState && s.problemSince == null) {
                        s.problemSince = at;
                    }
                }
                case Transition.HardStateChanged<S> hard -> {
                    if (!first || hard.oldState() != hard.newState()) {
                        s.lastChange = at;
                        if (!first) {
                            effects.history.add(new StateHistoryEntry(s.key, at, before.state().name(),
                                    hard.newState().name(), after.type(), s.output));
                        }
                    }
                    effects.changes.add(new Effects.HardChange(s.key, ciId(s.key), hard, s.output, at));
                    alerting.hardChange(s, hard, at, effects);
                }
                case Transition.FlappingStarted<S> f -> alerting.flapping(s, true, f.percentStateChange(), at, effects);
                case Transition.FlappingStopped<S> f -> alerting
                        .flapping(s, false, f.percentStateChange(), at, effects);
            }
        }
        if (state == s.okState && after.hardState() == s.okState) {
            s.problemSince = null;
        }
        if (!metrics.isEmpty()) {
            effects.samples.add(new Effects.Samples(s.key, at, metrics));
        }
        effects.states.put(s.key, s.save());
    }

    /** Repeats, escalations and notifications held back by a maintenance window that has ended. */
    public synchronized Effects tick(Instant now) {
        return tick(now, k -> true);
    }

    /**
     * Repeats, escalations and held back notifications of the hosts and checks {@code owned} accepts: with several
     * nodes, each notifies only for the checks it runs.
     */
    public synchronized Effects tick(Instant now, Predicate<CheckKey> owned) {
        Effects effects = new Effects();
        alerting.expireDowntimes(now);
        for (Subject<HostState> h : hosts.values()) {
            if (owned.test(h.key)) {
                alerting.tick(h, now, effects);
            }
        }
        for (Subject<Health> c : checks.values()) {
            if (owned.test(c.key)) {
                alerting.tick(c, now, effects);
            }
        }
        return effects;
    }

    /**
     * Acknowledges the current problem of a host or check.
     *
     * @throws IllegalArgumentException
     *             when there is no such host or check
     * @throws IllegalStateException
     *             when it has no problem
     */
    public synchronized Effects acknowledge(CheckKey key, Acknowledgement ack) {
        Subject<?> s = existing(key);
        if (!s.anyProblem()) {
            throw new IllegalStateException(key + " has no problem to acknowledge (state " + stateName(s) + ")");
        }
        s.ack = ack;
        Effects effects = new Effects();
        alerting.acknowledged(s, ack, effects);
        effects.states.put(s.key, s.save());
        return effects;
    }

    /** Removes the acknowledgement; empty effects when there was none. */
    public synchronized Optional<Effects> removeAcknowledgement(CheckKey key) {
        Subject<?> s = existing(key);
        if (s.ack == null) {
            return Optional.empty();
        }
        s.ack = null;
        Effects effects = new Effects();
        effects.states.put(s.key, s.save());
        return Optional.of(effects);
    }

    /** The status of each check of {@code host} (all when {@code null}), by host and name. */
    public synchronized List<CheckStatus> checkStatuses(String host, Instant now,
            Function<CheckKey, Instant> nextCheck) {
        List<CheckStatus> out = new ArrayList<>();
        for (Map.Entry<CheckKey, Subject<Health>> e : checks.entrySet()) {
            if (host == null || e.getKey().host().equals(host)) {
                out.add(status(e.getValue(), now, nextCheck));
            }
        }
        out.sort(Comparator.comparing((CheckStatus c) -> c.key().host()).thenComparing(c -> c.key().check()));
        return out;
    }

    /** The status of one check. */
    public synchronized Optional<CheckStatus> checkStatus(CheckKey key, Instant now,
            Function<CheckKey, Instant> nextCheck) {
        return Optional.ofNullable(checks.get(key)).map(s -> status(s, now, nextCheck));
    }

    private CheckStatus status(Subject<Health> s, Instant now, Function<CheckKey, Instant> nextCheck) {
        CheckDefinition def = checkDefs.get(s.key);
        HostDefinition host = hostDefs.get(s.key.host());
        StateSnapshot<Health> snap = s.snapshot();
        boolean enabled = def.enabled() && host != null && host.enabled();
        return new CheckStatus(s.key, def.type(), s.hasResult ? snap.state() : null, snap.type(), snap.attempt(),
                snap.maxAttempts(), s.hasResult ? snap.hardState() : null, s.output, s.metrics, s.lastCheck,
                s.lastChange, enabled ? nextCheck.apply(s.key) : null, snap.flapping(), snap.percentStateChange(),
                hostReachable(s.key.host()), s.ack, alerting.inDowntime(s.key, now), enabled);
    }

    /** The status of every host, by name. */
    public synchronized List<HostStatus> hostStatuses(Instant now) {
        List<HostStatus> out = new ArrayList<>();
        for (Subject<HostState> s : hosts.values()) {
            HostDefinition def = hostDefs.get(s.key.host());
            StateSnapshot<HostState> snap = s.snapshot();
            out.add(new HostStatus(def.name(), def.address(), s.hasResult ? snap.state() : null, snap.type(),
                    s.output, s.lastCheck, s.lastChange, s.ack, alerting.inDowntime(s.key, now), def.enabled()));
        }
        out.sort(Comparator.comparing(HostStatus::name));
        return out;
    }

    /** Whether checks on {@code host} can alert: the host is UP or not yet checked. */
    boolean hostReachable(String host) {
        Subject<HostState> h = hosts.get(host);
        return h == null || !h.hasResult || h.snapshot().state() == HostState.UP;
    }

    private boolean parentsDown(HostDefinition host) {
        if (host == null || host.parents().isEmpty()) {
            return false;
        }
        for (String parent : host.parents()) {
            Subject<HostState> p = hosts.get(parent);
            if (p == null || !p.hasResult || p.snapshot().state() == HostState.UP) {
                return false;
            }
        }
        return true;
    }

    String ciId(CheckKey key) {
        HostDefinition h = hostDefs.get(key.host());
        return h == null ? null : h.ciId();
    }

    private Subject<?> subject(CheckKey key) {
        return key.isHost() ? hosts.get(key.host()) : checks.get(key);
    }

    private Subject<?> existing(CheckKey key) {
        Subject<?> s = subject(key);
        if (s == null) {
            throw new IllegalArgumentException("no such " + (key.isHost() ? "host" : "check") + ": " + key);
        }
        return s;
    }

    private static String stateName(Subject<?> s) {
        return s.hasResult ? s.snapshot().state().name() : "not checked yet";
    }
}
