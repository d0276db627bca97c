package org.opsbench.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.opsbench.core.spi.Health;

/**
 * The SOFT/HARD state logic of Nagios and Icinga for one check or host. A problem result is retried: it stays SOFT
 * until {@code maxAttempts} results in a row are problems, then it becomes HARD; a recovery is HARD at once. Every
 * result also feeds {@link FlapDetection}. Not thread-safe: the scheduler feeds one machine from one thread at a time.
 *
 * @param <S>
 *            the state type ({@link Health} for checks, {@link HostState} for hosts)
 */
public final class StateMachine<S extends Enum<S>> {

    private final S okState;
    private final Predicate<S> alerts;
    private final int maxAttempts;
    private final FlapDetection<S> flaps;
    private S state;
    private StateType type = StateType.HARD;
    private int attempt = 1;
    private S hardState;
    private boolean hardStateAlerted;

    private StateMachine(S okState, Predicate<S> alerts, int maxAttempts, FlapDetection<S> flaps) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.okState = okState;
        this.alerts = alerts;
        this.maxAttempts = maxAttempts;
        this.flaps = Objects.requireNonNull(flaps);
        this.state = okState;
        this.hardState = okState;
    }

    /** A machine for a check (service), starting HARD OK. */
    public static StateMachine<Health> forCheck(int maxAttempts, FlapDetection<Health> flaps) {
        return new StateMachine<>(Health.OK, s -> true, maxAttempts, flaps);
    }

    /** A machine for a check with the default flap thresholds. */
    public static StateMachine<Health> forCheck(int maxAttempts) {
        return forCheck(maxAttempts, new FlapDetection<>());
    }

    /** A machine for a host, starting HARD UP; UNREACHABLE never alerts. */
    public static StateMachine<HostState> forHost(int maxAttempts, FlapDetection<HostState> flaps) {
        return new StateMachine<>(HostState.UP, s -> s != HostState.UNREACHABLE, maxAttempts, flaps);
    }

    /** A machine for a host with the default flap thresholds. */
    public static StateMachine<HostState> forHost(int maxAttempts) {
        return forHost(maxAttempts, new FlapDetection<>());
    }

    /**
     * Feeds one result.
     *
     * @return the transitions it caused, in order (flapping first, so that a hard change while flapping does not
     *         alert); empty when nothing changed
     */
    public List<Transition<S>> accept(S result) {
        Objects.requireNonNull(result, "result");
        List<Transition<S>> out = new ArrayList<>(2);
        int flap = flaps.record(result);
        if (flap > 0) {
            out.add(new Transition.FlappingStarted<>(flaps.percent()));
        } else if (flap < 0) {
            out.add(new Transition.FlappingStopped<>(flaps.percent()));
        }
        S old = state;
        if (result == okState) {
            attempt = 1;
            if (type == StateType.SOFT) {
                // soft recovery: the problem was never confirmed, the hard state is still OK
                type = StateType.HARD;
                state = result;
                out.add(new Transition.SoftStateChanged<>(old, result, attempt));
            } else if (hardState != okState) {
                hardChange(result, out);
            }
        } else if (type == StateType.HARD && hardState != okState) {
            // a confirmed problem changing to another problem is confirmed at once
            if (result != hardState) {
                hardChange(result, out);
            }
        } else {
            attempt = type == StateType.SOFT ? attempt + 1 : 1;
            if (attempt >= maxAttempts) {
                attempt = maxAttempts;
                hardChange(result, out);
            } else {
                type = StateType.SOFT;
                state = result;
                if (old != result) {
                    out.add(new Transition.SoftStateChanged<>(old, result, attempt));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Feeds a host check result, made UNREACHABLE when a parent host is down. */
    public static List<Transition<HostState>> acceptHost(StateMachine<HostState> machine, Health result,
            boolean parentDown) {
        return machine.accept(HostState.of(result, parentDown));
    }

    private void hardChange(S result, List<Transition<S>> out) {
        S oldHard = hardState;
        boolean recovery = result == okState;
        boolean alert = recovery ? hardStateAlerted && !flaps.flapping() : alerts.test(result) && !flaps.flapping();
        type = StateType.HARD;
        state = result;
        hardState = result;
        // a recovery alerts when any alert went out during the problem (DOWN, then UNREACHABLE, then UP)
        hardStateAlerted = !recovery && (hardStateAlerted || alert);
        out.add(new Transition.HardStateChanged<>(oldHard, result, alert));
    }

    /** Where the machine stands. */
    /**
     * Restores a machine saved with {@link #snapshot()}, {@link #recentResults()} and {@link #problemAlerted()}, for
     * example after a restart or a change of the check's max attempts (the attempt is capped to the new maximum).
     */
    public void restore(StateSnapshot<S> saved, List<S> recent, boolean alerted) {
        state = Objects.requireNonNull(saved.state(), "state");
        hardState = Objects.requireNonNull(saved.hardState(), "hardState");
        type = saved.type();
        attempt = Math.max(1, Math.min(saved.attempt(), maxAttempts));
        if (type == StateType.SOFT && attempt >= maxAttempts) {
            // fewer attempts now than the saved soft problem had: it is confirmed with the next result
            attempt = maxAttempts - 1 < 1 ? 1 : maxAttempts - 1;
        }
        hardStateAlerted = alerted;
        flaps.restore(recent, saved.flapping());
    }

    /** The last results (up to 21, oldest first) the flap detection weighs, for saving. */
    public List<S> recentResults() {
        return flaps.recent();
    }

    /** Whether an alert went out for the current hard problem (so its recovery alerts too). */
    public boolean problemAlerted() {
        return hardStateAlerted;
    }

    public StateSnapshot<S> snapshot() {
        return new StateSnapshot<>(state, type, attempt, maxAttempts, hardState, flaps.flapping(), flaps.percent());
    }
}
