package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.util.List;

import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.AlertRecord.Kind;
import org.opsbench.monitoring.AlertRecord.Outcome;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateType;

/**
 * One test case of a rule test file, parsed and resolved: the definitions the engine is loaded with, the results it
 * gets, the operator actions, and what is expected at each evaluation time. Times are offsets from the start of the
 * simulation.
 *
 * @param file
 *            the file's name, for reports
 * @param name
 *            the test's name
 * @param line
 *            the line of its {@code test} directive
 */
record RuleTest(String file, String name, int line, List<HostDefinition> hosts, List<CheckDefinition> checks,
        List<NotificationRule> rules, List<Series> inputs, List<Downtime> downtimes, List<Action> actions,
        List<Eval> evals) {

    /** When the simulation ends: at the last evaluation. */
    Duration end() {
        return evals.get(evals.size() - 1).at();
    }

    /** An operator action at a given time. */
    sealed interface Action {

        Duration at();

        int line();
    }

    /** {@code ack KEY at=T}. */
    record Acknowledge(int line, Duration at, CheckKey key, String author, String comment) implements Action {
    }

    /** {@code unack KEY at=T}. */
    record RemoveAcknowledgement(int line, Duration at, CheckKey key) implements Action {
    }

    /** {@code downtime ... cancel=T}. */
    record CancelDowntime(int line, Duration at, long id) implements Action {
    }

    /**
     * {@code eval T} with its expectations: exactly {@code alerts} are decided after the previous evaluation up to and
     * including {@code at}, and the {@code states} hold at {@code at}.
     */
    record Eval(int line, Duration at, List<ExpectedAlert> alerts, List<ExpectedState> states) {
    }

    /**
     * {@code alert KIND KEY [STATE] [OUTCOME] [rule=R] [notifier=N]}; {@code null} fields match anything.
     */
    record ExpectedAlert(int line, Kind kind, CheckKey key, String state, Outcome outcome, String rule,
            String notifier) {

        boolean matches(AlertRecord a) {
            return a.kind() == kind && a.key().equals(key) && (state == null || state.equals(a.state()))
                    && a.outcome() == outcome && (rule == null || rule.equals(a.rule()))
                    && (notifier == null || notifier.equals(a.notifier()));
        }

        /** How many fields are given: more specific expectations are matched first. */
        int specificity() {
            return (state == null ? 0 : 1) + (rule == null ? 0 : 1) + (notifier == null ? 0 : 1);
        }

        @Override
        public String toString() {
            return kind + " " + key + (state == null ? "" : " " + state) + " " + outcome
                    + (rule == null ? "" : " rule=" + rule) + (notifier == null ? "" : " notifier=" + notifier);
        }
    }

    /**
     * {@code state KEY STATE [SOFT|HARD] [attempt=N] [flapping=] [acknowledged=] [downtime=]}; {@code null} fields are
     * not compared. {@code state} is {@code PENDING} for no result yet.
     */
    record ExpectedState(int line, CheckKey key, String state, StateType type, Integer attempt, Boolean flapping,
            Boolean acknowledged, Boolean downtime) {

        @Override
        public String toString() {
            return state + (type == null ? "" : " " + type) + (attempt == null ? "" : " attempt=" + attempt)
                    + (flapping == null ? "" : " flapping=" + yes(flapping))
                    + (acknowledged == null ? "" : " acknowledged=" + yes(acknowledged))
                    + (downtime == null ? "" : " downtime=" + yes(downtime));
        }

        static String yes(boolean b) {
            return b ? "yes" : "no";
        }
    }
}
