package org.opsbench.monitoring.internal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Durations;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.NotificationRule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code host}, {@code check} and {@code rule}: the monitoring configuration from the console, for a server without a
 * workbench. {@code set} creates a definition or changes the settings it names ({@code KEY=VALUE}; an empty value
 * clears one), {@code show} prints a definition as the {@code set} line that recreates it, {@code delete} removes it.
 * Everything goes through {@link MonitoringAdmin}: its validation names the bad field, it checks the permission and
 * audits the change with the logged-in user.
 */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=host",
        "osgi.command.function=check", "osgi.command.function=rule"})
public final class DefineCommand extends MonitoringCommand {

    static final String HOST_USAGE = "host list | show NAME | delete NAME | set NAME [address=A] [ssh.user=U]"
            + " [ssh.port=22] [credential=ALIAS] [parents=H1,H2] [check=TYPE] [check.PARAM=V...] [interval=1m]"
            + " [attempts=3] [ci=ID] [enabled=true]";
    static final String CHECK_USAGE = "check show HOST/CHECK | delete HOST/CHECK | set HOST/CHECK [type=TYPE]"
            + " [PARAM=V...] [interval=1m] [retry=30s] [attempts=3] [timeout=10s] [metric=M] [warning=RANGE]"
            + " [critical=RANGE] [enabled=true]   (parameters.PARAM=V names a type parameter explicitly)";
    static final String RULE_USAGE = "rule list | show NAME | delete NAME | set NAME [notifier=ID] [states=S1,S2]"
            + " [hosts=GLOB] [checks=GLOB] [SETTING=V...] [repeat=0s] [escalate-after=0s] [escalate-to=ID]"
            + " [escalation.SETTING=V...] [enabled=true]";

    private static final Set<String> CHECK_KEYS = Set.of("type", "interval", "retry", "attempts", "timeout", "metric",
            "warning", "critical", "enabled");
    private static final Set<String> RULE_KEYS = Set.of("notifier", "states", "hosts", "checks", "repeat",
            "escalate-after", "escalate-to", "enabled");

    private final MonitoringAdmin admin;

    @Activate
    public DefineCommand(@Reference MonitoringAdmin admin) {
        this.admin = admin;
    }

    @Override
    Set<String> functions() {
        return new java.util.LinkedHashSet<>(List.of("host", "check", "rule"));
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal caller = principal(session);
        return switch (function) {
            case "host" -> host(caller, args);
            case "check" -> check(caller, args);
            default -> rule(caller, args);
        };
    }

    private String host(Principal caller, List<String> args) {
        String sub = subcommand(args, HOST_USAGE, "list", "show", "delete", "set");
        if (sub.equals("list")) {
            noMoreThan(args, 1, HOST_USAGE);
            Table t = new Table("NAME", "ADDRESS", "SSH", "HOST CHECK", "INTERVAL", "PARENTS", "ENABLED");
            for (HostDefinition h : admin.hosts(caller)) {
                t.row(h.name(), h.address(), h.sshUser() == null ? "-" : h.sshUser() + "@" + h.sshPort(),
                        h.hostCheck(), Durations.format(h.interval()),
                        h.parents().isEmpty() ? "-" : String.join(",", h.parents()), h.enabled());
            }
            return t.isEmpty() ? "no hosts" : t.toString();
        }
        String name = arg(args, 1, HOST_USAGE);
        return switch (sub) {
            case "show" -> {
                noMoreThan(args, 2, HOST_USAGE);
                yield admin.host(caller, name).map(DefineCommand::line)
                        .orElseThrow(() -> new IllegalArgumentException("no such host: " + name));
            }
            case "delete" -> {
                noMoreThan(args, 2, HOST_USAGE);
                yield admin.deleteHost(caller, name) ? "deleted host " + name + " with its checks" : "no host " + name;
            }
            case "set" -> {
                KeyValues s = KeyValues.of(args.subList(2, args.size()), HOST_USAGE);
                HostDefinition old = admin.host(caller, name).orElse(null);
                String address = s.text("address", old == null ? null : old.address());
                if (address == null) {
                    throw new IllegalArgumentException("address: required for a new host");
                }
                HostDefinition base = old == null ? HostDefinition.of(name, address) : old;
                String check = s.text("check", base.hostCheck());
                Map<String, String> checkParameters = KeyValues.merge(
                        check.equals(base.hostCheck()) ? base.hostCheckParameters() : Map.of(),
                        s.takePrefixed("check."));
                HostDefinition host = new HostDefinition(name, address, s.text("ci", base.ciId()),
                        s.text("ssh.user", base.sshUser()), s.count("ssh.port", base.sshPort(), 1, 65535),
                        s.text("credential", base.credentialAlias()), s.list("parents", base.parents()), check,
                        checkParameters, s.duration("interval", base.interval()),
                        s.count("attempts", base.maxAttempts(), 1, 100), s.bool("enabled", base.enabled()));
                s.noneLeft(HOST_USAGE);
                admin.saveHost(caller, host);
                yield (old == null ? "created " : "changed ") + line(host);
            }
            default -> throw new IllegalArgumentException("unknown '" + sub + "'; usage: " + HOST_USAGE);
        };
    }

    private String check(Principal caller, List<String> args) {
        String sub = subcommand(args, CHECK_USAGE, "show", "delete", "set");
        CheckKey key = CheckKey.parse(arg(args, 1, CHECK_USAGE));
        if (key.isHost() || key.check().isEmpty()) {
            throw new IllegalArgumentException("not HOST/CHECK: '" + args.get(1) + "'");
        }
        CheckDefinition old = admin.checks(caller, key.host()).stream().filter(c -> c.key().equals(key)).findFirst()
                .orElse(null);
        return switch (sub) {
            case "show" -> {
                noMoreThan(args, 2, CHECK_USAGE);
                if (old == null) {
                    throw new IllegalArgumentException("no such check: " + key);
                }
                yield line(old);
            }
            case "delete" -> {
                noMoreThan(args, 2, CHECK_USAGE);
                yield admin.deleteCheck(caller, key) ? "deleted check " + key : "no check " + key;
            }
            case "set" -> {
                KeyValues s = KeyValues.of(args.subList(2, args.size()), CHECK_USAGE);
                String type = s.text("type", old == null ? null : old.type());
                if (type == null) {
                    throw new IllegalArgumentException("type: required for a new check (installed: "
                            + admin.checkTypes().stream().map(MonitoringAdmin.TypeInfo::id)
                                    .collect(Collectors.joining(", "))
                            + ")");
                }
                CheckDefinition base = old != null ? old : CheckDefinition.of(key.host(), key.check(), type, Map.of());
                Map<String, String> changes = new LinkedHashMap<>(s.takePrefixed("parameters."));
                CheckDefinition.Thresholds t = base.thresholds();
                String metric = s.text("metric", t == null ? null : t.metric());
                String warning = s.text("warning", t == null ? null : t.warning());
                String critical = s.text("critical", t == null ? null : t.critical());
                CheckDefinition check = new CheckDefinition(key.host(), key.check(), type, null,
                        s.duration("interval", base.interval()), s.duration("retry", base.retryInterval()),
                        s.count("attempts", base.maxAttempts(), 1, 100), s.duration("timeout", base.timeout()),
                        metric == null && warning == null && critical == null
                                ? null
                                : new CheckDefinition.Thresholds(metric, warning, critical),
                        s.bool("enabled", base.enabled()));
                s.takeOthers(CHECK_KEYS).forEach(changes::putIfAbsent);
                s.noneLeft(CHECK_USAGE);
                // a new type starts from its own parameters: the old type's mean nothing to it
                Map<String, String> parameters = KeyValues.merge(
                        type.equals(base.type()) ? base.parameters() : Map.of(),
                        changes);
                check = new CheckDefinition(check.host(), check.name(), type, parameters, check.interval(),
                        check.retryInterval(), check.maxAttempts(), check.timeout(), check.thresholds(),
                        check.enabled());
                admin.saveCheck(caller, check);
                yield (old == null ? "created " : "changed ") + line(check);
            }
            default -> throw new IllegalArgumentException("unknown '" + sub + "'; usage: " + CHECK_USAGE);
        };
    }

    private String rule(Principal caller, List<String> args) {
        String sub = subcommand(args, RULE_USAGE, "list", "show", "delete", "set");
        if (sub.equals("list")) {
            noMoreThan(args, 1, RULE_USAGE);
            Table t = new Table("NAME", "NOTIFIER", "STATES", "HOSTS", "CHECKS", "REPEAT", "ESCALATION", "ENABLED");
            for (NotificationRule r : admin.rules(caller)) {
                t.row(r.name(), r.notifier(), r.states().isEmpty()
                        ? "all problems"
                        : String.join(",",
                                new TreeSet<>(r.states())),
                        r.hosts(), r.checks(),
                        r.repeat().isZero() ? "-" : Durations.format(r.repeat()),
                        r.escalationNotifier() == null
                                ? "-"
                                : r.escalationNotifier() + " after " + Durations.format(r.escalateAfter()),
                        r.enabled());
            }
            return t.isEmpty() ? "no notification rules" : t.toString();
        }
        String name = arg(args, 1, RULE_USAGE);
        NotificationRule old = admin.rules(caller).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElse(null);
        return switch (sub) {
            case "show" -> {
                noMoreThan(args, 2, RULE_USAGE);
                if (old == null) {
                    throw new IllegalArgumentException("no such rule: " + name);
                }
                yield line(old);
            }
            case "delete" -> {
                noMoreThan(args, 2, RULE_USAGE);
                yield admin.deleteRule(caller, name) ? "deleted rule " + name : "no rule " + name;
            }
            case "set" -> {
                KeyValues s = KeyValues.of(args.subList(2, args.size()), RULE_USAGE);
                String notifier = s.text("notifier", old == null ? null : old.notifier());
                if (notifier == null) {
                    throw new IllegalArgumentException("notifier: required for a new rule (installed: "
                            + admin.notifiers().stream().map(MonitoringAdmin.TypeInfo::id)
                                    .collect(Collectors.joining(", "))
                            + ")");
                }
                NotificationRule base = old != null
                        ? old
                        : NotificationRule.of(name, Set.of(), "*", "*", notifier, Map.of());
                Set<String> states = Set.copyOf(s.list("states", List.copyOf(base.states())));
                String hosts = s.text("hosts", base.hosts());
                String checks = s.text("checks", base.checks());
                var repeat = s.duration("repeat", base.repeat());
                var escalateAfter = s.duration("escalate-after", base.escalateAfter());
                String escalateTo = s.text("escalate-to", base.escalationNotifier());
                boolean enabled = s.bool("enabled", base.enabled());
                Map<String, String> escalation = KeyValues.merge(
                        java.util.Objects.equals(escalateTo, base.escalationNotifier())
                                ? base.escalationSettings()
                                : Map.of(),
                        s.takePrefixed("escalation."));
                Map<String, String> settings = KeyValues.merge(
                        notifier.equals(base.notifier()) ? base.settings() : Map.of(), s.takeOthers(RULE_KEYS));
                s.noneLeft(RULE_USAGE);
                NotificationRule rule = new NotificationRule(name, states, hosts, checks, notifier, settings, repeat,
                        escalateAfter, escalateTo, escalation, enabled);
                admin.saveRule(caller, rule);
                yield (old == null ? "created " : "changed ") + line(rule);
            }
            default -> throw new IllegalArgumentException("unknown '" + sub + "'; usage: " + RULE_USAGE);
        };
    }

    private static String subcommand(List<String> args, String usage, String... known) {
        String sub = arg(args, 0, usage);
        if (!List.of(known).contains(sub)) {
            throw new IllegalArgumentException("unknown '" + sub + "'; usage: " + usage);
        }
        return sub;
    }

    /** The {@code set} line that recreates {@code h}. */
    static String line(HostDefinition h) {
        Words w = new Words("host set " + h.name());
        w.add("address", h.address()).add("ssh.user", h.sshUser());
        if (h.sshUser() != null) {
            w.add("ssh.port", Integer.toString(h.sshPort()));
        }
        w.add("credential", h.credentialAlias());
        if (!h.parents().isEmpty()) {
            w.add("parents", String.join(",", h.parents()));
        }
        w.add("check", h.hostCheck());
        h.hostCheckParameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.add("check." + e.getKey(), e.getValue()));
        return w.add("interval", Durations.format(h.interval())).add("attempts", Integer.toString(h.maxAttempts()))
                .add("ci", h.ciId()).add("enabled", Boolean.toString(h.enabled())).toString();
    }

    /** The {@code set} line that recreates {@code c}. */
    static String line(CheckDefinition c) {
        Words w = new Words("check set " + c.key()).add("type", c.type());
        c.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.add(CHECK_KEYS.contains(e.getKey()) ? "parameters." + e.getKey() : e.getKey(),
                        e.getValue()));
        w.add("interval", Durations.format(c.interval())).add("retry", Durations.format(c.retryInterval()))
                .add("attempts", Integer.toString(c.maxAttempts())).add("timeout", Durations.format(c.timeout()));
        if (c.thresholds() != null) {
            w.add("metric", c.thresholds().metric()).add("warning", c.thresholds().warning()).add("critical",
                    c.thresholds().critical());
        }
        return w.add("enabled", Boolean.toString(c.enabled())).toString();
    }

    /** The {@code set} line that recreates {@code r}. */
    static String line(NotificationRule r) {
        Words w = new Words("rule set " + r.name()).add("notifier", r.notifier());
        if (!r.states().isEmpty()) {
            w.add("states", String.join(",", new TreeSet<>(r.states())));
        }
        w.add("hosts", r.hosts()).add("checks", r.checks());
        r.settings().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> w.add(e.getKey(),
                e.getValue()));
        if (!r.repeat().isZero()) {
            w.add("repeat", Durations.format(r.repeat()));
        }
        if (r.escalationNotifier() != null) {
            w.add("escalate-after", Durations.format(r.escalateAfter())).add("escalate-to", r.escalationNotifier());
            r.escalationSettings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> w.add("escalation." + e.getKey(), e.getValue()));
        }
        return w.add("enabled", Boolean.toString(r.enabled())).toString();
    }

    /** {@code KEY=VALUE} words; a value Gogo would split or expand is double-quoted. */
    private static final class Words {

        private final StringJoiner line = new StringJoiner(" ");

        Words(String start) {
            line.add(start);
        }

        Words add(String key, String value) {
            if (value != null) {
                boolean plain = !value.isEmpty() && value.chars().noneMatch(ch -> Character.isWhitespace(ch)
                        || "\"'$;|&<>(){}[]\\#".indexOf(ch) >= 0);
                line.add(key + "=" + (plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
            }
            return this;
        }

        @Override
        public String toString() {
            return line.toString();
        }
    }
}
