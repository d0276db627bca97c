package org.opsbench.monitoring.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Notification;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.AlertRecord.Kind;
import org.opsbench.monitoring.AlertRecord.Outcome;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.Transition;

/**
 * Who is told what and when: problems and recoveries by notification rule, held back by maintenance windows,
 * unreachable hosts and flapping; repeats and escalations while a problem lasts unacknowledged. Called under the
 * {@link Engine}'s lock.
 */
final class Alerting {

    private final Engine engine;
    private List<NotificationRule> rules = List.of();
    private final Map<String, Pattern> globs = new HashMap<>();
    private final List<Downtime> downtimes = new ArrayList<>();

    Alerting(Engine engine) {
        this.engine = engine;
    }

    List<String> ruleNames() {
        return rules.stream().map(NotificationRule::name).toList();
    }

    List<NotificationRule> rules() {
        return rules;
    }

    List<Downtime> downtimes() {
        return List.copyOf(downtimes);
    }

    void setRules(List<NotificationRule> all) {
        rules = List.copyOf(all);
    }

    void setDowntimes(List<Downtime> all) {
        downtimes.clear();
        downtimes.addAll(all);
    }

    void addDowntime(Downtime d) {
        downtimes.add(d);
    }

    void removeDowntime(long id) {
        downtimes.removeIf(d -> d.id() == id);
    }

    void expireDowntimes(Instant now) {
        downtimes.removeIf(d -> !d.end().isAfter(now));
    }

    boolean inDowntime(CheckKey key, Instant now) {
        for (Downtime d : downtimes) {
            if (d.covers(key) && d.covers(now)) {
                return true;
            }
        }
        return false;
    }

    <S extends Enum<S>> void hardChange(Subject<S> s, Transition.HardStateChanged<S> change, Instant at,
            Effects effects) {
        s.ack = null;
        if (change.newState() == s.okState) {
            if (s.problemNotified) {
                if (inDowntime(s.key, at)) {
                    log(effects, s, at, Kind.RECOVERY, null, null, Outcome.SUPPRESSED_DOWNTIME,
                            "recovered during a maintenance window");
                } else {
                    notifyRules(s, Kind.RECOVERY, at, effects);
                }
            }
            s.problemNotified = false;
            s.escalated = false;
            s.heldBack = false;
            s.notifiedSince = null;
            s.lastNotified.clear();
            s.problemSince = null;
            return;
        }
        if (s.problemSince == null) {
            s.problemSince = at;
        }
        if (!change.alert()) {
            // told by tick() once the host is UP again or the flapping stopped, if the problem is still there
            s.heldBack = true;
            boolean flapping = s.snapshot().flapping();
            log(effects, s, at, Kind.PROBLEM, null, null,
                    flapping ? Outcome.SUPPRESSED_FLAPPING : Outcome.SUPPRESSED_UNREACHABLE,
                    flapping ? "flapping: " + s.output : "unreachable behind a down parent: " + s.output);
            return;
        }
        problem(s, Kind.PROBLEM, at, effects);
    }

    /** A problem notification unless something holds it back. */
    private <S extends Enum<S>> void problem(Subject<S> s, Kind kind, Instant at, Effects effects) {
        if (inDowntime(s.key, at)) {
            s.heldBack = true;
            log(effects, s, at, kind, null, null, Outcome.SUPPRESSED_DOWNTIME, "in a maintenance window: " + s.output);
            return;
        }
        if (!s.key.isHost() && !engine.hostReachable(s.key.host())) {
            s.heldBack = true;
            log(effects, s, at, kind, null, null, Outcome.SUPPRESSED_UNREACHABLE,
                    "host " + s.key.host() + " is not UP: " + s.output);
            return;
        }
        s.heldBack = false;
        notifyRules(s, kind, at, effects);
    }

    <S extends Enum<S>> void flapping(Subject<S> s, boolean started, double percent, Instant at, Effects effects) {
        String detail = String.format(java.util.Locale.ROOT, "flapping %s (%.1f%% state change)",
                started ? "started" : "stopped", percent);
        log(effects, s, at, Kind.FLAPPING, null, null, Outcome.SUPPRESSED_FLAPPING, detail);
    }

    <S extends Enum<S>> void acknowledged(Subject<S> s, Acknowledgement ack, Effects effects) {
        if (s.problemNotified) {
            notifyRules(s, Kind.ACKNOWLEDGEMENT, ack.time(), effects);
        }
    }

    <S extends Enum<S>> void tick(Subject<S> s, Instant now, Effects effects) {
        if (!s.hardProblem() || s.type() != StateType.HARD || s.ack != null || s.snapshot().flapping()) {
            return;
        }
        if (s.key.isHost() ? s.snapshot().state() == HostState.UNREACHABLE : !engine.hostReachable(s.key.host())) {
            return;
        }
        if (inDowntime(s.key, now)) {
            return;
        }
        if (!s.problemNotified) {
            if (s.heldBack) {
                // the window ended, the host is UP again or the flapping stopped, and the problem is still there: tell
                // now what was held back
                s.heldBack = false;
                notifyRules(s, Kind.PROBLEM, now, effects);
                effects.states.put(s.key, s.save());
            }
            return;
        }
        boolean changed = false;
        String state = s.snapshot().state().name();
        for (NotificationRule rule : rules) {
            if (!matches(rule, s.key, state)) {
                continue;
            }
            Instant last = s.lastNotified.get(rule.name());
            if (isPositive(rule.repeat()) && last != null && !now.isBefore(last.plus(rule.repeat()))) {
                deliver(s, rule, Kind.REPEAT, rule.notifier(), rule.settings(), now, effects);
                changed = true;
            }
            if (!s.escalated && escalationDue(s, rule, now)) {
                deliver(s, rule, Kind.ESCALATION, rule.escalationNotifier(), rule.escalationSettings(), now, effects);
                changed = true;
            }
        }
        if (changed) {
            if (effects.alerts.stream().anyMatch(a -> a.record().kind() == Kind.ESCALATION
                    && a.record().key().equals(s.key))) {
                s.escalated = true;
            }
            effects.states.put(s.key, s.save());
        }
    }

    private <S extends Enum<S>> void notifyRules(Subject<S> s, Kind kind, Instant at,
            Effects effects) {
        String state = s.snapshot().state().name();
        String ruleState = kind == Kind.RECOVERY ? s.okState.name() : state;
        boolean any = false;
        for (NotificationRule rule : rules) {
            if (matches(rule, s.key, ruleState)) {
                deliver(s, rule, kind, rule.notifier(), rule.settings(), at, effects);
                any = true;
                // whoever the problem was escalated to hears how it ends, and that someone took it
                if (kind != Kind.PROBLEM && s.escalated && escalationDue(s, rule, at)) {
                    deliver(s, rule, kind, rule.escalationNotifier(), rule.escalationSettings(), at, effects);
                }
            }
        }
        if (!any) {
            log(effects, s, at, kind, null, null, Outcome.NO_RULE, s.output);
        } else if (kind == Kind.PROBLEM) {
            s.problemNotified = true;
            if (s.notifiedSince == null) {
                s.notifiedSince = at;
            }
        }
    }

    private <S extends Enum<S>> void deliver(Subject<S> s, NotificationRule rule, Kind kind, String notifier,
            Map<String, String> settings, Instant at, Effects effects) {
        String state = s.snapshot().state().name();
        AlertRecord record = new AlertRecord(0, at, s.key, state, kind, rule.name(), notifier, Outcome.SENT,
                s.output);
        String ciId = engine.ciId(s.key);
        CiRef item = new CiRef(ciId == null ? "monitoring:" + s.key : ciId, s.key.isHost() ? "host" : "check",
                s.key.toString());
        Map<String, String> properties = new HashMap<>();
        properties.put("host", s.key.host());
        if (!s.key.isHost()) {
            properties.put("check", s.key.check());
        }
        properties.put("state", state);
        properties.put("kind", kind.name());
        properties.put("rule", rule.name());
        if (s.ack != null) {
            properties.put("acknowledgedBy", s.ack.author());
            properties.put("acknowledgement", s.ack.comment());
        }
        String subject = "[" + kind + "] " + s.key + " is " + state;
        Notification n = new Notification(at, severity(s.snapshot().state()), subject, s.output, item, properties);
        effects.alerts.add(new Effects.Alert(record, n, settings));
        if (kind == Kind.PROBLEM || kind == Kind.REPEAT) {
            s.lastNotified.put(rule.name(), at);
        }
    }

    private static <S extends Enum<S>> void log(Effects effects, Subject<S> s, Instant at, Kind kind, String rule,
            String notifier, Outcome outcome, String detail) {
        String state = s.hasResult ? s.snapshot().state().name() : "";
        effects.alerts.add(new Effects.Alert(new AlertRecord(0, at, s.key, state, kind, rule, notifier, outcome,
                detail), null, Map.of()));
    }

    boolean matches(NotificationRule rule, CheckKey key, String state) {
        if (!rule.enabled() || !rule.states().contains(state) || !glob(rule.hosts()).matcher(key.host()).matches()) {
            return false;
        }
        if (key.isHost()) {
            return rule.checks().isEmpty() || rule.checks().equals("*");
        }
        return !rule.checks().isEmpty() && glob(rule.checks()).matcher(key.check()).matches();
    }

    private Pattern glob(String glob) {
        return globs.computeIfAbsent(glob, g -> {
            StringBuilder re = new StringBuilder();
            for (char c : g.toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(re.toString());
        });
    }

    /**
     * Whether {@code rule} escalates {@code s}'s problem by {@code at}. The delay counts from the first notification:
     * time held back in a maintenance window or behind a down parent is time nobody was told.
     */
    private static boolean escalationDue(Subject<?> s, NotificationRule rule, Instant at) {
        return isPositive(rule.escalateAfter()) && rule.escalationNotifier() != null && s.notifiedSince != null
                && !at.isBefore(s.notifiedSince.plus(rule.escalateAfter()));
    }

    private static boolean isPositive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    static Severity severity(Enum<?> state) {
        if (state instanceof Health h) {
            return switch (h) {
                case OK -> Severity.INFO;
                case WARNING -> Severity.WARNING;
                case UNKNOWN -> Severity.MINOR;
                case CRITICAL -> Severity.CRITICAL;
            };
        }
        return state == HostState.UP
                ? Severity.INFO
                : state == HostState.UNREACHABLE ? Severity.MINOR : Severity.CRITICAL;
    }
}
