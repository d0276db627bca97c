package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Durations;
import org.opsbench.monitoring.internal.engine.Engine;

/**
 * Compares what the engine did with what a test expects, and writes the difference: {@code -} for an expectation that
 * was not met, {@code +} for what happened unexpectedly, a blank for what matched. Lines that start with {@code alert}
 * or {@code state} can be copied into the file as they are.
 */
final class Expectations {

    private static final String INDENT = "    ";
    /** Lines of one difference shown; a month of unexpected repeats would bury the point. */
    private static final int MAX_ROWS = 40;

    private Expectations() {
    }

    /** The difference between expected and actual alerts of one window, or {@code null} when they match exactly. */
    static String alerts(List<RuleTest.ExpectedAlert> expected, List<AlertRecord> actual) {
        // most specific expectations first, so a wildcard does not take the alert a precise one needs
        List<RuleTest.ExpectedAlert> order = new ArrayList<>(expected);
        order.sort(Comparator.comparingInt(RuleTest.ExpectedAlert::specificity).reversed());
        int[] matchOfActual = new int[actual.size()];
        Arrays.fill(matchOfActual, -1);
        for (int e = 0; e < order.size(); e++) {
            augment(e, order, actual, matchOfActual, new boolean[actual.size()]);
        }
        int[] matchOfExpected = new int[order.size()];
        Arrays.fill(matchOfExpected, -1);
        for (int a = 0; a < actual.size(); a++) {
            if (matchOfActual[a] >= 0) {
                matchOfExpected[matchOfActual[a]] = a;
            }
        }
        boolean same = Arrays.stream(matchOfExpected).allMatch(m -> m >= 0)
                && Arrays.stream(matchOfActual).allMatch(m -> m >= 0);
        if (same) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> byLine = new ArrayList<>();
        for (int e = 0; e < order.size(); e++) {
            byLine.add(e);
        }
        byLine.sort(Comparator.comparingInt(e -> order.get(e).line()));
        for (int e : byLine) {
            RuleTest.ExpectedAlert x = order.get(e);
            int a = matchOfExpected[e];
            rows.add(new String[]{a >= 0 ? " " : "-", "alert " + x, a >= 0
                    ? "line " + x.line() + ", at " + offset(actual.get(a).time())
                    : "line " + x.line() + ", not raised"});
        }
        for (int a = 0; a < actual.size(); a++) {
            if (matchOfActual[a] < 0) {
                rows.add(new String[]{"+", "alert " + describe(actual.get(a)), "at " + offset(actual.get(a).time())
                        + ", not expected"});
            }
        }
        if (expected.isEmpty()) {
            rows.add(0, new String[]{" ", "(no alert expected)", ""});
        }
        if (rows.size() > MAX_ROWS) {
            int more = rows.size() - MAX_ROWS;
            rows.subList(MAX_ROWS, rows.size()).clear();
            rows.add(new String[]{" ", "... " + more + " more", ""});
        }
        return table(rows);
    }

    /** Kuhn's augmenting path: whether expectation {@code e} gets an alert, moving others when they can. */
    private static boolean augment(int e, List<RuleTest.ExpectedAlert> expected, List<AlertRecord> actual,
            int[] matchOfActual, boolean[] seen) {
        for (int a = 0; a < actual.size(); a++) {
            if (!seen[a] && expected.get(e).matches(actual.get(a))) {
                seen[a] = true;
                if (matchOfActual[a] < 0 || augment(matchOfActual[a], expected, actual, matchOfActual, seen)) {
                    matchOfActual[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    /** An alert as an {@code alert} line would expect it exactly. */
    static String describe(AlertRecord a) {
        return a.kind() + " " + a.key() + (a.state() == null || a.state().isEmpty() ? "" : " " + a.state()) + " "
                + a.outcome() + (a.rule() == null ? "" : " rule=" + a.rule())
                + (a.notifier() == null ? "" : " notifier=" + a.notifier());
    }

    /** The difference between an expected and the actual state, or {@code null} when every given field matches. */
    static String state(RuleTest.ExpectedState x, Engine engine, Instant at) {
        Actual actual = actual(x.key(), engine, at);
        boolean same = x.state().equals(actual.state) && (x.type() == null || x.type().name().equals(actual.type))
                && (x.attempt() == null || Objects.equals(x.attempt(), actual.attempt))
                && (x.flapping() == null || x.flapping() == actual.flapping)
                && (x.acknowledged() == null || x.acknowledged() == actual.acknowledged)
                && (x.downtime() == null || x.downtime() == actual.downtime);
        if (same) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"-", "state " + x.key() + " " + x, "line " + x.line()});
        rows.add(new String[]{"+", "state " + x.key() + " " + actual, "got"});
        return table(rows);
    }

    private record Actual(String state, String type, Integer attempt, boolean flapping, boolean acknowledged,
            boolean downtime) {

        @Override
        public String toString() {
            if (state.equals("PENDING")) {
                return state;
            }
            return state + " " + type + (attempt == null ? "" : " attempt=" + attempt)
                    + (attempt == null ? "" : " flapping=" + RuleTest.ExpectedState.yes(flapping)) + " acknowledged="
                    + RuleTest.ExpectedState.yes(acknowledged) + " downtime=" + RuleTest.ExpectedState.yes(downtime);
        }
    }

    private static Actual actual(CheckKey key, Engine engine, Instant at) {
        if (key.isHost()) {
            HostStatus h = engine.hostStatuses(at).stream().filter(s -> s.name().equals(key.host())).findFirst()
                    .orElseThrow();
            return new Actual(h.state() == null ? "PENDING" : h.state().name(), h.stateType().name(), null, false,
                    h.acknowledgement() != null, h.inDowntime());
        }
        CheckStatus c = engine.checkStatus(key, at, k -> null).orElseThrow();
        return new Actual(c.state() == null ? "PENDING" : c.state().name(), c.stateType().name(), c.attempt(),
                c.flapping(), c.acknowledgement() != null, c.inDowntime());
    }

    private static String offset(Instant time) {
        return Durations.format(Duration.between(TestBuilder.EPOCH, time));
    }

    /** Rows of {marker, text, note}, the notes aligned. */
    private static String table(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            out.append(INDENT).append(r[0]).append(' ').append(r[1]);
            if (!r[2].isEmpty()) {
                out.append(" ".repeat(width - r[1].length() + 3)).append(r[2]);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }
}
