package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.Range;

/**
 * The {@code host}, {@code check} and {@code rule} lines of one scope (the file before its first test, or one test),
 * turned into the definitions the engine takes. Check types do not matter here: results are given, nothing runs.
 */
final class Definitions {

    /** A definition and the line it came from. */
    record Def<T>(T value, int line) {
    }

    /** The check type of every host and check in a rule test: nothing runs them. */
    static final String TYPE = "rule-test";

    static final Set<String> HOST_OPTIONS = Set.of("parents", "interval", "max-attempts");
    static final Set<String> CHECK_OPTIONS = Set.of("interval", "retry", "max-attempts", "metric", "warning",
            "critical");
    static final Set<String> RULE_OPTIONS = Set.of("states", "hosts", "checks", "notifier", "repeat",
            "escalate-after", "escalate-to");
    static final Set<String> CHECK_STATES = Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN");
    static final Set<String> HOST_STATES = Set.of("UP", "DOWN", "UNREACHABLE");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._*?-]{0,200}");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    final Map<String, Def<HostDefinition>> hosts = new LinkedHashMap<>();
    final Map<CheckKey, Def<CheckDefinition>> checks = new LinkedHashMap<>();
    final Map<String, Def<NotificationRule>> rules = new LinkedHashMap<>();

    /** {@code host NAME [parents=A,B] [interval=1m] [max-attempts=3]}. */
    void host(Line line) {
        Args a = Args.of(line, HOST_OPTIONS).atMostWords(1).noText();
        String name = name(line, a.word(0, "the host name"), "host name");
        for (String parent : a.list("parents")) {
            name(line, parent, "parent host name");
            if (parent.equals(name)) {
                throw line.error("parents: a host cannot be its own parent");
            }
        }
        HostDefinition h = HostDefinition.of(name, name).withHostCheck(TYPE, Map.of(), interval(a, "interval"),
                a.integer("max-attempts", 3, 1, 20)).withParents(a.list("parents"));
        put(line, hosts, name, "host " + name, h);
    }

    /**
     * {@code check HOST/NAME [interval=1m] [retry=30s] [max-attempts=3] [metric=M] [warning=RANGE] [critical=RANGE]}.
     */
    void check(Line line) {
        Args a = Args.of(line, CHECK_OPTIONS).atMostWords(1).noText();
        CheckKey key = checkKey(line, a.word(0, "the check as HOST/NAME"));
        String metric = a.option("metric", null);
        String warning = range(a, "warning");
        String critical = range(a, "critical");
        if (metric == null && (warning != null || critical != null)) {
            throw line.error("thresholds need metric=NAME: the metric they apply to");
        }
        if (metric != null && metric.isBlank()) {
            throw line.error("metric: name the metric, e.g. metric=time");
        }
        CheckDefinition c = new CheckDefinition(key.host(), key.check(), TYPE, Map.of(), interval(a, "interval"),
                interval(a, "retry", Duration.ofSeconds(30)), a.integer("max-attempts", 3, 1, 20), null,
                metric == null ? null : new CheckDefinition.Thresholds(metric, warning, critical), true);
        put(line, checks, key, "check " + key, c);
    }

    /**
     * {@code rule NAME states=S,S notifier=ID [hosts=GLOB] [checks=GLOB] [repeat=D] [escalate-after=D escalate-to=ID]}.
     */
    void rule(Line line) {
        Args a = Args.of(line, RULE_OPTIONS).atMostWords(1).noText();
        String name = name(line, a.word(0, "the rule name"), "rule name");
        List<String> states = a.list("states");
        if (states.isEmpty()) {
            throw line.error("rule " + name + ": states= is required (e.g. states=CRITICAL,OK)");
        }
        for (String s : states) {
            if (!CHECK_STATES.contains(s) && !HOST_STATES.contains(s)) {
                throw line.error("states: unknown state '" + s + "' (use OK, WARNING, CRITICAL, UNKNOWN, UP, DOWN,"
                        + " UNREACHABLE)");
            }
        }
        String hostGlob = glob(a, "hosts", "*");
        String checkGlob = glob(a, "checks", "*");
        String notifier = name(line, a.required("notifier", "the notifier id, e.g. notifier=log"), "notifier");
        Duration repeat = a.duration("repeat", Duration.ZERO);
        if (!repeat.isZero() && repeat.compareTo(Duration.ofMinutes(1)) < 0) {
            throw line.error("repeat: at most once a minute (as the server allows), was " + a.option("repeat", ""));
        }
        Duration escalateAfter = a.duration("escalate-after", Duration.ZERO);
        String escalateTo = a.option("escalate-to", null);
        if (escalateTo != null) {
            name(line, escalateTo, "escalate-to notifier");
        }
        if (!escalateAfter.isZero() && escalateTo == null) {
            throw line.error("escalate-after needs escalate-to=NOTIFIER");
        }
        if (escalateTo != null && escalateAfter.isZero()) {
            throw line.error("escalate-to needs escalate-after=DELAY");
        }
        NotificationRule r = NotificationRule.of(name, Set.copyOf(states), hostGlob, checkGlob, notifier, Map.of())
                .withRepeat(repeat, escalateAfter, escalateTo, Map.of());
        put(line, rules, name, "rule " + name, r);
    }

    private static <K, T> void put(Line line, Map<K, Def<T>> into, K key, String what, T value) {
        Def<T> before = into.putIfAbsent(key, new Def<>(value, line.number()));
        if (before != null) {
            throw line.error(what + " is already declared on line " + before.line());
        }
    }

    static String name(Line line, String value, String what) {
        if (!NAME.matcher(value).matches()) {
            throw line.error("not a " + what + ": '" + value + "' (letters, digits, '.', '_', '-')");
        }
        return value;
    }

    /** {@code HOST/CHECK}. */
    static CheckKey checkKey(Line line, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw line.error("not a check: '" + text + "' (write HOST/CHECK)");
        }
        name(line, text.substring(0, slash), "host name");
        name(line, text.substring(slash + 1), "check name");
        return CheckKey.parse(text);
    }

    /** {@code HOST} or {@code HOST/CHECK}. */
    static CheckKey key(Line line, String text) {
        if (text.indexOf('/') >= 0) {
            return checkKey(line, text);
        }
        return CheckKey.host(name(line, text, "host name"));
    }

    private static Duration interval(Args a, String key) {
        return interval(a, key, Duration.ofMinutes(1));
    }

    private static Duration interval(Args a, String key, Duration fallback) {
        Duration d = a.duration(key, fallback);
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw a.line().error(key + ": between 1s and 1d, was " + a.option(key, ""));
        }
        return d;
    }

    private static String range(Args a, String key) {
        String text = a.option(key, null);
        if (text == null) {
            return null;
        }
        try {
            Range.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw a.line().error(key + ": " + e.getMessage());
        }
    }

    private static String glob(Args a, String key, String fallback) {
        String v = a.option(key, fallback);
        if (!GLOB.matcher(v).matches()) {
            throw a.line().error(key + ": a name pattern with * and ?, was '" + v + "'");
        }
        return v;
    }
}
