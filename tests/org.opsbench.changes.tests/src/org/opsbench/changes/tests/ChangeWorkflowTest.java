package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.ChangeWorkflow;
import org.opsbench.changes.IllegalTransitionException;

/**
 * Every pair of states for every type of change: the legal moves are exactly those of the workflow (written out
 * here on their own), every other move is refused naming the allowed ones.
 */
class ChangeWorkflowTest {

    private static final String COMMON = "APPROVED>SCHEDULED IMPLEMENTING>IMPLEMENTED IMPLEMENTING>FAILED"
            + " IMPLEMENTED>REVIEWED FAILED>ROLLED_BACK FAILED>REVIEWED ROLLED_BACK>REVIEWED REVIEWED>CLOSED"
            + " SCHEDULED>IMPLEMENTING";
    private static final Map<ChangeType, String> LEGAL = Map.of(
            ChangeType.NORMAL, COMMON + " DRAFT>SUBMITTED SUBMITTED>ASSESSED SUBMITTED>REJECTED SUBMITTED>DRAFT"
                    + " ASSESSED>APPROVED ASSESSED>REJECTED REJECTED>DRAFT REJECTED>CLOSED SCHEDULED>APPROVED",
            ChangeType.STANDARD, COMMON + " DRAFT>APPROVED SCHEDULED>APPROVED",
            ChangeType.EMERGENCY, COMMON + " DRAFT>SUBMITTED SUBMITTED>APPROVED SUBMITTED>SCHEDULED"
                    + " SUBMITTED>REJECTED SUBMITTED>DRAFT REJECTED>DRAFT REJECTED>CLOSED SCHEDULED>SUBMITTED");

    static Stream<Arguments> everyMove() {
        List<Arguments> all = new ArrayList<>();
        for (ChangeType t : ChangeType.values()) {
            for (ChangeState from : ChangeState.values()) {
                for (ChangeState to : ChangeState.values()) {
                    all.add(Arguments.of(t, from, to));
                }
            }
        }
        return all.stream();
    }

    private static boolean legal(ChangeType type, ChangeState from, ChangeState to) {
        return Set.of(LEGAL.get(type).split(" ")).contains(from + ">" + to);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyMove")
    void exactlyTheWorkflowsMovesAreLegal(ChangeType type, ChangeState from, ChangeState to) {
        boolean expected = legal(type, from, to);
        assertEquals(expected, ChangeWorkflow.allows(type, from, to));
        if (expected) {
            ChangeWorkflow.check(type, from, to);
            assertTrue(ChangeWorkflow.next(type, from).contains(to));
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> ChangeWorkflow.check(type, from, to));
            Set<ChangeState> allowed = EnumSet.noneOf(ChangeState.class);
            for (ChangeState s : ChangeState.values()) {
                if (legal(type, from, s)) {
                    allowed.add(s);
                }
            }
            assertEquals(allowed, e.allowed());
            assertTrue(e.getMessage().contains("from " + from + " to " + to), e.getMessage());
            assertTrue(e.getMessage().contains(allowed.isEmpty() ? "is final" : "allowed: " + allowed),
                    e.getMessage());
        }
    }

    @Test
    void closedIsFinalForEveryType() {
        for (ChangeType t : ChangeType.values()) {
            assertEquals(Set.of(), ChangeWorkflow.next(t, ChangeState.CLOSED));
        }
    }
}
