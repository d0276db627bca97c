package org.opsbench.monitoring.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.StateMachine;
import org.opsbench.monitoring.StateSnapshot;
import org.opsbench.monitoring.StateType;

/**
 * The runtime state of one host ({@code S = HostState}) or check ({@code S = Health}): its state machine and what
 * alerting needs to remember about the current problem.
 */
final class Subject<S extends Enum<S>> {

    final CheckKey key;
    final Class<S> states;
    final S okState;
    StateMachine<S> machine;
    boolean hasResult;
    String output = "";
    List<Metric> metrics = List.of();
    Instant lastCheck;
    Instant lastChange;
    Instant problemSince;
    boolean problemNotified;
    boolean escalated;
    /** A problem notification was held back (maintenance window, host not UP, flapping) and is still owed. */
    boolean heldBack;
    /** When the current problem was first notified. */
    Instant notifiedSince;
    final Map<String, Instant> lastNotified = new HashMap<>();
    Acknowledgement ack;

    Subject(CheckKey key, Class<S> states, S okState, StateMachine<S> machine) {
        this.key = key;
        this.states = states;
        this.okState = okState;
        this.machine = machine;
    }

    StateSnapshot<S> snapshot() {
        return machine.snapshot();
    }

    /** Whether the confirmed state is a problem. */
    boolean hardProblem() {
        return hasResult && machine.snapshot().hardState() != okState;
    }

    /** Whether the current (soft or hard) state is a problem. */
    boolean anyProblem() {
        return hasResult && machine.snapshot().state() != okState;
    }

    /** Replaces the machine (new max attempts) keeping the state. */
    void replaceMachine(StateMachine<S> fresh) {
        if (hasResult) {
            fresh.restore(machine.snapshot(), machine.recentResults(), machine.problemAlerted());
        }
        machine = fresh;
    }

    SavedState save() {
        StateSnapshot<S> s = machine.snapshot();
        StringBuilder recent = new StringBuilder();
        for (S r : machine.recentResults()) {
            if (!recent.isEmpty()) {
                recent.append(',');
            }
            recent.append(r.ordinal());
        }
        Instant notified = lastNotified.values().stream().max(Instant::compareTo).orElse(null);
        return new SavedState(key, s.state().name(), s.type(), s.attempt(), s.hardState().name(), output, lastCheck,
                lastChange, recent.toString(), s.flapping(), machine.problemAlerted(), problemSince, problemNotified,
                escalated, notified, ack, heldBack, notifiedSince);
    }

    void restore(SavedState saved, List<String> ruleNames) {
        S[] values = states.getEnumConstants();
        List<S> recent = new ArrayList<>();
        for (String part : saved.recent().split(",")) {
            if (!part.isBlank()) {
                int ordinal = Integer.parseInt(part.strip());
                if (ordinal >= 0 && ordinal < values.length) {
                    recent.add(values[ordinal]);
                }
            }
        }
        S state = Enum.valueOf(states, saved.state());
        S hard = Enum.valueOf(states, saved.hardState());
        machine.restore(new StateSnapshot<>(state, saved.type(), saved.attempt(), machine.snapshot().maxAttempts(),
                hard, saved.flapping(), 0), recent, saved.problemAlerted());
        hasResult = true;
        output = saved.output();
        lastCheck = saved.lastCheck();
        lastChange = saved.lastChange();
        problemSince = saved.problemSince();
        problemNotified = saved.problemNotified();
        escalated = saved.escalated();
        heldBack = saved.heldBack();
        notifiedSince = saved.notifiedSince();
        ack = saved.acknowledgement();
        if (saved.lastNotified() != null) {
            ruleNames.forEach(r -> lastNotified.put(r, saved.lastNotified()));
        }
    }

    StateType type() {
        return machine.snapshot().type();
    }
}
