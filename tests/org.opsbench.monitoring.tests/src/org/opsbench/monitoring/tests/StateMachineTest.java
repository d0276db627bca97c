package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsbench.core.spi.Health.CRITICAL;
import static org.opsbench.core.spi.Health.OK;
import static org.opsbench.core.spi.Health.UNKNOWN;
import static org.opsbench.core.spi.Health.WARNING;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.FlapDetection;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.StateMachine;
import org.opsbench.monitoring.StateSnapshot;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.Transition;
import org.opsbench.monitoring.Transition.FlappingStarted;
import org.opsbench.monitoring.Transition.FlappingStopped;
import org.opsbench.monitoring.Transition.HardStateChanged;
import org.opsbench.monitoring.Transition.SoftStateChanged;

/** SOFT/HARD states, host reachability and flapping as operators know them from Nagios and Icinga. */
class StateMachineTest {

    @Test
    void problemIsSoftUntilMaxAttemptsThenHard() {
        StateMachine<Health> machine = StateMachine.forCheck(3);
        assertEquals(List.of(new SoftStateChanged<>(OK, CRITICAL, 1)), machine.accept(CRITICAL));
        assertSnapshot(machine.snapshot(), CRITICAL, StateType.SOFT, 1, OK);
        assertEquals(List.of(), machine.accept(CRITICAL));
        assertSnapshot(machine.snapshot(), CRITICAL, StateType.SOFT, 2, OK);
        assertEquals(List.of(new HardStateChanged<>(OK, CRITICAL, true)), machine.accept(CRITICAL));
        assertSnapshot(machine.snapshot(), CRITICAL, StateType.HARD, 3, CRITICAL);
        assertEquals(List.of(), machine.accept(CRITICAL), "a confirmed problem does not alert again");
    }

    @Test
    void recoveryIsHardAtOnce() {
        StateMachine<Health> machine = StateMachine.forCheck(2);
        machine.accept(WARNING);
        machine.accept(WARNING);
        assertEquals(List.of(new HardStateChanged<>(WARNING, OK, true)), machine.accept(OK));
        assertSnapshot(machine.snapshot(), OK, StateType.HARD, 1, OK);
    }

    @Test
    void softRecoveryDoesNotChangeTheHardState() {
        StateMachine<Health> machine = StateMachine.forCheck(3);
        machine.accept(CRITICAL);
        assertEquals(List.of(new SoftStateChanged<>(CRITICAL, OK, 1)), machine.accept(OK));
        assertSnapshot(machine.snapshot(), OK, StateType.HARD, 1, OK);
        assertEquals(List.of(new SoftStateChanged<>(OK, CRITICAL, 1)), machine.accept(CRITICAL),
                "the retry count starts over");
    }

    @Test
    void softProblemChangingKeepsCountingAttempts() {
        StateMachine<Health> machine = StateMachine.forCheck(3);
        machine.accept(WARNING);
        assertEquals(List.of(new SoftStateChanged<>(WARNING, CRITICAL, 2)), machine.accept(CRITICAL));
        assertEquals(List.of(new HardStateChanged<>(OK, UNKNOWN, true)), machine.accept(UNKNOWN));
    }

    @Test
    void hardProblemChangingToAnotherProblemIsHardAtOnce() {
        StateMachine<Health> machine = StateMachine.forCheck(3);
        machine.accept(WARNING);
        machine.accept(WARNING);
        machine.accept(WARNING);
        assertEquals(List.of(new HardStateChanged<>(WARNING, CRITICAL, true)), machine.accept(CRITICAL));
    }

    @Test
    void oneMaxAttemptIsHardOnTheFirstProblem() {
        StateMachine<Health> machine = StateMachine.forCheck(1);
        assertEquals(List.of(new HardStateChanged<>(OK, CRITICAL, true)), machine.accept(CRITICAL));
    }

    @Test
    void hostBehindADownParentIsUnreachableWithoutAlert() {
        StateMachine<HostState> router = StateMachine.forHost(1);
        StateMachine<HostState> server = StateMachine.forHost(1);
        assertEquals(List.of(new HardStateChanged<>(HostState.UP, HostState.DOWN, true)),
                StateMachine.acceptHost(router, CRITICAL, false));
        boolean parentDown = router.snapshot().hardState() != HostState.UP;
        assertEquals(List.of(new HardStateChanged<>(HostState.UP, HostState.UNREACHABLE, false)),
                StateMachine.acceptHost(server, CRITICAL, parentDown));
        assertEquals(List.of(new HardStateChanged<>(HostState.UNREACHABLE, HostState.UP, false)),
                StateMachine.acceptHost(server, OK, false), "no recovery alert for a problem that never alerted");
    }

    @Test
    void hostWarningCountsAsUp() {
        assertEquals(HostState.UP, HostState.of(WARNING, true));
        assertEquals(HostState.DOWN, HostState.of(UNKNOWN, false));
        assertEquals(HostState.UNREACHABLE, HostState.of(CRITICAL, true));
    }

    @Test
    void flappingStartsAboveHighAndStopsBelowLowThreshold() {
        StateMachine<Health> machine = StateMachine.forCheck(1);
        List<Transition<Health>> seen = new ArrayList<>();
        // alternate: every result is a state change, the percent state change climbs
        for (int i = 0; i < 21; i++) {
            seen.addAll(machine.accept(i % 2 == 0 ? CRITICAL : OK));
        }
        List<Transition<Health>> started = seen.stream().filter(t -> t instanceof FlappingStarted).toList();
        assertEquals(1, started.size(), seen.toString());
        assertTrue(((FlappingStarted<Health>) started.get(0)).percentStateChange() > FlapDetection.DEFAULT_HIGH);
        assertTrue(machine.snapshot().flapping());
        // hard changes while flapping do not alert
        List<Transition<Health>> next = machine.accept(OK);
        assertTrue(next.contains(new HardStateChanged<>(CRITICAL, OK, false)), next.toString());

        // steady CRITICAL: the old changes slide out; between the thresholds it stays flapping (hysteresis)
        List<Transition<Health>> stopped = new ArrayList<>();
        int results = 0;
        while (stopped.isEmpty() && results < 21) {
            List<Transition<Health>> t = machine.accept(CRITICAL);
            results++;
            if (machine.snapshot().percentStateChange() >= FlapDetection.DEFAULT_LOW) {
                assertTrue(machine.snapshot().flapping(),
                        "still flapping at " + machine.snapshot().percentStateChange());
            }
            t.stream().filter(x -> x instanceof FlappingStopped).forEach(stopped::add);
        }
        assertEquals(1, stopped.size());
        assertTrue(((FlappingStopped<Health>) stopped.get(0)).percentStateChange() < FlapDetection.DEFAULT_LOW);
        assertFalse(machine.snapshot().flapping());
        assertTrue(results > 1, "hysteresis: flapping does not stop as soon as the percentage drops below 50%");
    }

    @Test
    void percentStateChangeUsesTheNagiosWeights() {
        StateMachine<Health> machine = StateMachine.forCheck(1, new FlapDetection<>(100, 100));
        for (int i = 0; i < 20; i++) {
            machine.accept(OK);
        }
        machine.accept(CRITICAL);
        // the newest change weighs 1.2 out of 20 possible changes
        assertEquals(6.0, machine.snapshot().percentStateChange(), 1e-9);
        for (int i = 0; i < 19; i++) {
            machine.accept(CRITICAL);
        }
        // now the oldest of the 20 transitions, weight 0.8
        assertEquals(4.0, machine.snapshot().percentStateChange(), 1e-9);
        machine.accept(CRITICAL);
        assertEquals(0.0, machine.snapshot().percentStateChange(), 1e-9);
    }

    @Test
    void everyChangeGivesOneHundredPercent() {
        StateMachine<Health> machine = StateMachine.forCheck(1, new FlapDetection<>(100, 100));
        for (int i = 0; i < 21; i++) {
            machine.accept(i % 2 == 0 ? OK : WARNING);
        }
        // sum of the weights 0.8..1.2 over 20 changes is 20
        assertEquals(100.0, machine.snapshot().percentStateChange(), 1e-9);
    }

    private static void assertSnapshot(StateSnapshot<Health> s, Health state, StateType type, int attempt,
            Health hard) {
        assertEquals(state, s.state(), "state");
        assertEquals(type, s.type(), "type");
        assertEquals(attempt, s.attempt(), "attempt");
        assertEquals(hard, s.hardState(), "hard state");
    }
}
