package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opsbench.monitoring.AlertRecord.Kind;
import org.opsbench.monitoring.AlertRecord.Outcome;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.Durations;

/**
 * The lines of one {@code test}: its own definitions (over the file's shared ones), inputs, maintenance windows,
 * acknowledgements and evaluations. {@link #resolve} checks every reference and returns the {@link RuleTest}.
 */
final class TestBuilder {

    /** The longest simulated time span: the engine is ticked every second of it. */
    static final Duration MAX_SPAN = Duration.ofDays(31);
    /** The instant the simulation starts at; nothing in the engine depends on the wall-clock time. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private record Input(Line line, CheckKey key, Duration start, List<String> values) {
    }

    private record Reference(int line, CheckKey key) {
    }

    private final String file;
    private final String name;
    private final int line;
    private final Definitions own = new Definitions();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Downtime> downtimes = new ArrayList<>();
    private final Map<Long, Integer> downtimeLines = new LinkedHashMap<>();
    private final List<RuleTest.Action> actions = new ArrayList<>();
    private final List<RuleTest.Eval> evals = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    // a bad test line still opens the test, so that the lines after it are not taken for the previous test's
    private Line.ParseError nameProblem;

    TestBuilder(String file, Line line) {
        this.file = file;
        this.line = line.number();
        String given;
        try {
            Args a = Args.of(line, Set.of());
            String text = a.text(null);
            if (text != null) {
                a.atMostWords(0);
            }
            given = text != null ? text : String.join(" ", a.words());
            if (given.isBlank()) {
                throw line.error("test: give the test a name");
            }
        } catch (Line.ParseError e) {
            nameProblem = e;
            given = "line " + line.number();
        }
        this.name = given;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    Definitions definitions() {
        return own;
    }

    /** {@code input KEY [start=D] VALUE...}. */
    void input(Line l) {
        Args a = Args.of(l, Set.of("start")).noText();
        CheckKey key = Definitions.key(l, a.word(0, "the host or HOST/CHECK the results are for"));
        if (a.words().size() < 2) {
            throw l.error("input " + key + ": no results given");
        }
        for (Input earlier : inputs) {
            if (earlier.key.equals(key) && a.has("start")) {
                throw l.error("start= only on the first input line of " + key + " (line " + earlier.line.number()
                        + ")");
            }
        }
        inputs.add(new Input(l, key, a.duration("start", Duration.ZERO), a.words().subList(1, a.words().size())));
        references.add(new Reference(l.number(), key));
    }

    /** {@code downtime TARGET start=T end=T [cancel=T] [id=N] [by=NAME] ["comment"]}. */
    void downtime(Line l) {
        Args a = Args.of(l, Set.of("start", "end", "cancel", "id", "by")).atMostWords(1);
        CheckKey key = Definitions.key(l, a.word(0, "the host or HOST/CHECK of the window"));
        Duration start = a.duration("start", a.required("start", "when the window begins, e.g. start=5m"));
        Duration end = a.duration("end", a.required("end", "when it ends, e.g. end=1h"));
        if (end.compareTo(start) <= 0) {
            throw l.error("end: must be after start=" + a.option("start", ""));
        }
        long id = a.integer("id", downtimes.size() + 1, 1, Integer.MAX_VALUE);
        if (downtimeLines.containsKey(id)) {
            throw l.error("id: downtime " + id + " is already declared on line " + downtimeLines.get(id));
        }
        downtimeLines.put(id, l.number());
        downtimes.add(new Downtime(id, key, EPOCH.plus(start), EPOCH.plus(end), a.option("by", "rule-test"),
                a.text("maintenance")));
        if (a.has("cancel")) {
            actions.add(new RuleTest.CancelDowntime(l.number(), a.duration("cancel", a.option("cancel", "")), id));
        }
        references.add(new Reference(l.number(), key));
    }

    /** {@code ack KEY at=T [by=NAME] ["comment"]}. */
    void ack(Line l) {
        Args a = Args.of(l, Set.of("at", "by")).atMostWords(1);
        CheckKey key = Definitions.key(l, a.word(0, "the host or HOST/CHECK to acknowledge"));
        Duration at = a.duration("at", a.required("at", "when, e.g. at=10m"));
        actions.add(new RuleTest.Acknowledge(l.number(), at, key, a.option("by", "rule-test"),
                a.text("acknowledged")));
        references.add(new Reference(l.number(), key));
    }

    /** {@code unack KEY at=T}. */
    void unack(Line l) {
        Args a = Args.of(l, Set.of("at")).atMostWords(1).noText();
        CheckKey key = Definitions.key(l, a.word(0, "the host or HOST/CHECK"));
        actions.add(new RuleTest.RemoveAcknowledgement(l.number(),
                a.duration("at", a.required("at", "when, e.g. at=20m")), key));
        references.add(new Reference(l.number(), key));
    }

    /** {@code eval T}. */
    void eval(Line l) {
        Args a = Args.of(l, Set.of()).atMostWords(1).noText();
        Duration at = a.duration("eval", a.word(0, "the time, e.g. eval 5m"));
        if (!evals.isEmpty() && at.compareTo(evals.get(evals.size() - 1).at()) <= 0) {
            RuleTest.Eval before = evals.get(evals.size() - 1);
            throw l.error("eval " + a.word(0, "") + " is not after the eval on line " + before.line() + " ("
                    + Durations.format(before.at()) + ")");
        }
        if (at.compareTo(MAX_SPAN) > 0) {
            throw l.error("eval " + a.word(0, "") + ": a test simulates at most " + Durations.format(MAX_SPAN));
        }
        evals.add(new RuleTest.Eval(l.number(), at, new ArrayList<>(), new ArrayList<>()));
    }

    /** {@code alert KIND KEY [STATE] [OUTCOME] [rule=R] [notifier=N]}. */
    void alert(Line l) {
        RuleTest.Eval eval = currentEval(l);
        Args a = Args.of(l, Set.of("rule", "notifier")).atMostWords(4).noText();
        Kind kind = kind(l, a.word(0, "the kind (PROBLEM, RECOVERY, REPEAT, ESCALATION, FLAPPING, ACKNOWLEDGEMENT)"));
        CheckKey key = Definitions.key(l, a.word(1, "the host or HOST/CHECK"));
        String state = null;
        Outcome outcome = null;
        for (String w : a.words().subList(2, a.words().size())) {
            if (Definitions.CHECK_STATES.contains(w) || Definitions.HOST_STATES.contains(w)) {
                if (state != null) {
                    throw l.error("two states: " + state + " and " + w);
                }
                state = stateFor(l, key, w);
            } else if (outcome == null) {
                outcome = outcome(l, w);
            } else {
                throw l.error("unexpected '" + w + "'");
            }
        }
        if (outcome == null) {
            outcome = kind == Kind.FLAPPING ? Outcome.SUPPRESSED_FLAPPING : Outcome.SENT;
        }
        if (outcome != Outcome.SENT && (a.has("rule") || a.has("notifier"))) {
            throw l.error("rule= and notifier= only apply to SENT alerts: a held-back alert has no rule");
        }
        eval.alerts().add(new RuleTest.ExpectedAlert(l.number(), kind, key, state, outcome, a.option("rule", null),
                a.option("notifier", null)));
        references.add(new Reference(l.number(), key));
    }

    /** {@code state KEY STATE [SOFT|HARD] [attempt=N] [flapping=yes|no] [acknowledged=yes|no] [downtime=yes|no]}. */
    void state(Line l) {
        RuleTest.Eval eval = currentEval(l);
        Args a = Args.of(l, Set.of("attempt", "flapping", "acknowledged", "downtime")).atMostWords(3).noText();
        CheckKey key = Definitions.key(l, a.word(0, "the host or HOST/CHECK"));
        String word = a.word(1, "the state (" + (key.isHost()
                ? "UP, DOWN, UNREACHABLE"
                : "OK, WARNING, CRITICAL,"
                        + " UNKNOWN")
                + " or PENDING)");
        String state = word.equals("PENDING") ? word : stateFor(l, key, word);
        StateType type = null;
        if (a.words().size() > 2) {
            try {
                type = StateType.valueOf(a.words().get(2));
            } catch (IllegalArgumentException e) {
                throw l.error("not a state type: '" + a.words().get(2) + "' (use SOFT or HARD)");
            }
        }
        if (key.isHost() && (a.has("attempt") || a.has("flapping"))) {
            throw l.error("attempt= and flapping= are shown for checks only");
        }
        Integer attempt = a.has("attempt") ? a.integer("attempt", 1, 1, 20) : null;
        eval.states().add(new RuleTest.ExpectedState(l.number(), key, state, type, attempt, a.yesNo("flapping"),
                a.yesNo("acknowledged"), a.yesNo("downtime")));
        references.add(new Reference(l.number(), key));
    }

    private RuleTest.Eval currentEval(Line l) {
        if (evals.isEmpty()) {
            throw l.error("'" + l.directive() + "' needs an 'eval TIME' line before it");
        }
        return evals.get(evals.size() - 1);
    }

    private static String stateFor(Line l, CheckKey key, String state) {
        Set<String> allowed = key.isHost() ? Definitions.HOST_STATES : Definitions.CHECK_STATES;
        if (!allowed.contains(state)) {
            throw l.error("'" + state + "' is not a " + (key.isHost() ? "host" : "check") + " state (use "
                    + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
        return state;
    }

    private static Kind kind(Line l, String word) {
        try {
            return Kind.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw l.error("not an alert kind: '" + word + "' (use PROBLEM, RECOVERY, REPEAT, ESCALATION, FLAPPING,"
                    + " ACKNOWLEDGEMENT)");
        }
    }

    private static Outcome outcome(Line l, String word) {
        if (word.equals("FAILED")) {
            throw l.error("FAILED cannot happen in a rule test: nothing is delivered");
        }
        try {
            return Outcome.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw l.error("not a state or outcome: '" + word + "' (outcomes: SENT, SUPPRESSED_DOWNTIME,"
                    + " SUPPRESSED_UNREACHABLE, SUPPRESSED_FLAPPING, NO_RULE)");
        }
    }

    /** Checks every reference against the definitions of the file and the test, and expands the inputs. */
    RuleTest resolve(Definitions shared, List<Line.ParseError> problems) {
        Map<String, Definitions.Def<HostDefinition>> hosts = merged(shared.hosts, own.hosts);
        Map<CheckKey, Definitions.Def<CheckDefinition>> checks = merged(shared.checks, own.checks);
        Map<String, Definitions.Def<NotificationRule>> rules = merged(shared.rules, own.rules);
        int before = problems.size();
        if (nameProblem != null) {
            problems.add(nameProblem);
        }
        for (Definitions.Def<CheckDefinition> c : checks.values()) {
            if (!hosts.containsKey(c.value().host())) {
                problems.add(new Line.ParseError(c.line(), "check " + c.value().key() + ": no host '"
                        + c.value().host() + "' (declare it with 'host " + c.value().host() + "')"));
            }
        }
        for (Definitions.Def<HostDefinition> h : hosts.values()) {
            for (String parent : h.value().parents()) {
                if (!hosts.containsKey(parent)) {
                    problems.add(new Line.ParseError(h.line(), "host " + h.value().name() + ": no parent host '"
                            + parent + "'"));
                } else if (reaches(hosts, parent, h.value().name())) {
                    problems.add(new Line.ParseError(h.line(), "host " + h.value().name() + ": parent '" + parent
                            + "' is reached through " + h.value().name() + ", a cycle"));
                }
            }
        }
        for (Reference r : references) {
            if (r.key.isHost() ? !hosts.containsKey(r.key.host()) : !checks.containsKey(r.key)) {
                problems.add(new Line.ParseError(r.line, "no " + (r.key.isHost() ? "host" : "check") + " '" + r.key
                        + "' (declared: " + String.join(", ", r.key.isHost()
                                ? hosts.keySet()
                                : checks.keySet().stream().map(CheckKey::toString).toList())
                        + ")"));
            }
        }
        if (evals.isEmpty()) {
            problems.add(new Line.ParseError(line, "test '" + name + "' has no eval: nothing would be checked"));
        }
        if (problems.size() > before) {
            return null;
        }
        Map<CheckKey, Series> series = new LinkedHashMap<>();
        for (Input in : inputs) {
            try {
                CheckDefinition c = in.key.isHost() ? null : checks.get(in.key).value();
                String metric = c == null || c.thresholds() == null ? null : c.thresholds().metric();
                List<Series.Value> values = new ArrayList<>();
                Series.expand(in.line, in.values, in.key.isHost(), metric, values);
                series.merge(in.key, new Series(in.key, in.line.number(), in.start, List.copyOf(values)),
                        (a, b) -> a.plus(b.values()));
                if (series.get(in.key).values().size() > Series.MAX_VALUES) {
                    throw in.line.error("a series holds at most " + Series.MAX_VALUES + " results");
                }
            } catch (Line.ParseError e) {
                problems.add(e);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<RuleTest.Action> ordered = new ArrayList<>(actions);
        ordered.sort((x, y) -> x.line() - y.line());
        List<RuleTest.Eval> frozen = evals.stream().map(e -> new RuleTest.Eval(e.line(), e.at(),
                List.copyOf(e.alerts()), List.copyOf(e.states()))).toList();
        return new RuleTest(file, name, line, values(hosts), values(checks), values(rules),
                List.copyOf(series.values()), List.copyOf(downtimes), List.copyOf(ordered), frozen);
    }

    private static <K, T> Map<K, Definitions.Def<T>> merged(Map<K, Definitions.Def<T>> shared,
            Map<K, Definitions.Def<T>> own) {
        Map<K, Definitions.Def<T>> all = new LinkedHashMap<>(shared);
        all.putAll(own);
        return all;
    }

    private static <K, T> List<T> values(Map<K, Definitions.Def<T>> defs) {
        return defs.values().stream().map(Definitions.Def::value).toList();
    }

    private static boolean reaches(Map<String, Definitions.Def<HostDefinition>> hosts, String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String h = todo.pop();
            if (h.equals(target)) {
                return true;
            }
            Definitions.Def<HostDefinition> d = hosts.get(h);
            if (seen.add(h) && d != null) {
                todo.addAll(d.value().parents());
            }
        }
        return false;
    }
}
