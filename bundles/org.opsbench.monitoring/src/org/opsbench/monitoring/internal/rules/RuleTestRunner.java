package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Durations;
import org.opsbench.monitoring.internal.engine.Effects;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.Scheduler;
import org.opsbench.monitoring.internal.store.ConfigStore;

/**
 * Runs one {@link RuleTest} on the real {@link Engine} with a simulated clock. Each series' results come one run apart,
 * at the check's interval or, while its problem is SOFT, its retry interval ({@link Engine#timing}), as the scheduler
 * runs them (a run takes no time here). The engine is ticked every second, as on the server. At one instant results
 * come first (in the order of the input lines), then acknowledgements and cancelled windows (in file order), then the
 * tick, then the evaluation.
 */
final class RuleTestRunner {

    private static final long TICK_MILLIS = 1000;

    /** The outcome of one test: passed when {@code failures} is empty; each failure is a block of lines. */
    record CaseResult(RuleTest test, List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }
    }

    private static final class Cursor {
        final Series series;
        int index;
        long next;

        Cursor(Series series) {
            this.series = series;
            this.next = series.start().toMillis();
        }

        boolean more() {
            return index < series.values().size();
        }
    }

    private final RuleTest test;
    private final Engine engine = new Engine();
    private final List<AlertRecord> window = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private RuleTestRunner(RuleTest test) {
        this.test = test;
    }

    static CaseResult run(RuleTest test) {
        RuleTestRunner runner = new RuleTestRunner(test);
        runner.simulate();
        return new CaseResult(test, List.copyOf(runner.failures));
    }

    private void simulate() {
        engine.load(new ConfigStore.Snapshot(test.hosts(), test.checks(), test.rules(), test.downtimes()), List.of());
        List<Cursor> cursors = test.inputs().stream().map(Cursor::new).toList();
        List<RuleTest.Action> actions = new ArrayList<>(test.actions());
        actions.sort(Comparator.comparing(RuleTest.Action::at).thenComparingInt(RuleTest.Action::line));
        int nextAction = 0;
        int nextEval = 0;
        long nextTick = TICK_MILLIS;
        while (nextEval < test.evals().size()) {
            long now = Math.min(nextTick, test.evals().get(nextEval).at().toMillis());
            for (Cursor c : cursors) {
                if (c.more()) {
                    now = Math.min(now, c.next);
                }
            }
            if (nextAction < actions.size()) {
                now = Math.min(now, actions.get(nextAction).at().toMillis());
            }
            Instant at = TestBuilder.EPOCH.plusMillis(now);
            for (Cursor c : cursors) {
                if (c.more() && c.next == now) {
                    result(c, at);
                }
            }
            while (nextAction < actions.size() && actions.get(nextAction).at().toMillis() == now) {
                act(actions.get(nextAction++), at);
            }
            if (now == nextTick) {
                collect(engine.tick(at));
                nextTick += TICK_MILLIS;
            }
            RuleTest.Eval eval = test.evals().get(nextEval);
            if (eval.at().toMillis() == now) {
                evaluate(eval, at);
                nextEval++;
            }
        }
    }

    private void result(Cursor c, Instant at) {
        Series.Value v = c.series.values().get(c.index++);
        CheckKey key = c.series.key();
        if (!v.gap()) {
            List<Metric> metrics = List.of();
            if (v.metric() != null) {
                CheckDefinition def = engine.check(key).orElseThrow();
                metrics = List.of(new Metric(def.thresholds().metric(), v.metric(), null));
            }
            String summary = v.health() + " - rule test result " + c.index + " (line " + c.series.line() + ")";
            collect(engine.accept(key, new CheckResult(v.health(), summary, metrics), at));
        }
        Scheduler.Timing timing = engine.timing(key);
        Duration step = timing.retrying() ? timing.retryInterval() : timing.interval();
        c.next += step.toMillis();
    }

    private void act(RuleTest.Action action, Instant at) {
        String when = " at " + Durations.format(action.at());
        try {
            switch (action) {
                case RuleTest.Acknowledge a -> collect(
                        engine.acknowledge(a.key(), new Acknowledgement(a.author(), a.comment(), at)));
                case RuleTest.RemoveAcknowledgement u -> {
                    Optional<Effects> removed = engine.removeAcknowledgement(u.key());
                    if (removed.isEmpty()) {
                        failures.add("line " + u.line() + ": unack " + u.key() + when + ": it has no acknowledgement");
                    }
                }
                case RuleTest.CancelDowntime d -> engine.removeDowntime(d.id());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            failures.add("line " + action.line() + ": " + (action instanceof RuleTest.Acknowledge a
                    ? "ack " + a.key()
                    : "action") + when + ": " + e.getMessage());
        }
    }

    private void collect(Effects effects) {
        for (Effects.Alert a : effects.alerts()) {
            window.add(a.record());
        }
    }

    private void evaluate(RuleTest.Eval eval, Instant at) {
        String alertDiff = Expectations.alerts(eval.alerts(), window);
        if (alertDiff != null) {
            failures.add("eval " + Durations.format(eval.at()) + " (line " + eval.line() + "): alerts differ\n"
                    + alertDiff);
        }
        window.clear();
        for (RuleTest.ExpectedState expected : eval.states()) {
            String stateDiff = Expectations.state(expected, engine, at);
            if (stateDiff != null) {
                failures.add("eval " + Durations.format(eval.at()) + " (line " + eval.line() + "): state of "
                        + expected.key() + " differs\n" + stateDiff);
            }
        }
    }
}
