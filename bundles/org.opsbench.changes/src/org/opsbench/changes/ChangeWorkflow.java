package org.opsbench.changes;

import static org.opsbench.changes.ChangeState.APPROVED;
import static org.opsbench.changes.ChangeState.ASSESSED;
import static org.opsbench.changes.ChangeState.CLOSED;
import static org.opsbench.changes.ChangeState.DRAFT;
import static org.opsbench.changes.ChangeState.FAILED;
import static org.opsbench.changes.ChangeState.IMPLEMENTED;
import static org.opsbench.changes.ChangeState.IMPLEMENTING;
import static org.opsbench.changes.ChangeState.REJECTED;
import static org.opsbench.changes.ChangeState.REVIEWED;
import static org.opsbench.changes.ChangeState.ROLLED_BACK;
import static org.opsbench.changes.ChangeState.SCHEDULED;
import static org.opsbench.changes.ChangeState.SUBMITTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The change workflow as a state machine: which states a change of a type may move to from its state. Everything else
 * is refused, naming the allowed ones. The guards that need data (the approval quorum, the planned window, freeze
 * windows) are the service's; this table is the whole of the legal moves.
 *
 * <pre>
 * DRAFT → SUBMITTED → ASSESSED → APPROVED / REJECTED → SCHEDULED → IMPLEMENTING → IMPLEMENTED / FAILED
 * FAILED → ROLLED_BACK;  IMPLEMENTED, FAILED, ROLLED_BACK → REVIEWED → CLOSED;  REJECTED → DRAFT (rework) or CLOSED
 * STANDARD: DRAFT → APPROVED (pre-approved)       EMERGENCY: SUBMITTED → SCHEDULED (approved afterwards)
 * </pre>
 */
public final class ChangeWorkflow {

    private static final Map<ChangeType, Map<ChangeState, Set<ChangeState>>> TABLE = new EnumMap<>(ChangeType.class);

    static {
        for (ChangeType type : ChangeType.values()) {
            Map<ChangeState, Set<ChangeState>> t = new EnumMap<>(ChangeState.class);
            for (ChangeState s : ChangeState.values()) {
                t.put(s, EnumSet.noneOf(ChangeState.class));
            }
            t.get(DRAFT).add(type == ChangeType.STANDARD ? APPROVED : SUBMITTED);
            if (type != ChangeType.STANDARD) {
                t.get(SUBMITTED).addAll(EnumSet.of(DRAFT, REJECTED));
                if (type == ChangeType.NORMAL) {
                    t.get(SUBMITTED).add(ASSESSED);
                    t.get(ASSESSED).addAll(EnumSet.of(APPROVED, REJECTED));
                } else {
                    t.get(SUBMITTED).addAll(EnumSet.of(APPROVED, SCHEDULED));
                }
                t.get(REJECTED).addAll(EnumSet.of(DRAFT, CLOSED));
            }
            t.get(APPROVED).add(SCHEDULED);
            t.get(SCHEDULED).addAll(EnumSet.of(IMPLEMENTING, APPROVED));
            t.get(IMPLEMENTING).addAll(EnumSet.of(IMPLEMENTED, FAILED));
            t.get(IMPLEMENTED).add(REVIEWED);
            t.get(FAILED).addAll(EnumSet.of(ROLLED_BACK, REVIEWED));
            t.get(ROLLED_BACK).add(REVIEWED);
            t.get(REVIEWED).add(CLOSED);
            if (type == ChangeType.EMERGENCY) {
                // an unscheduled emergency goes back to SUBMITTED, not to an approval it may not have yet
                t.get(SCHEDULED).remove(APPROVED);
                t.get(SCHEDULED).add(SUBMITTED);
            }
            TABLE.put(type, t);
        }
    }

    private ChangeWorkflow() {
    }

    /** The states a change of {@code type} in {@code from} may move to, in workflow order. */
    public static Set<ChangeState> next(ChangeType type, ChangeState from) {
        Set<ChangeState> next = EnumSet.noneOf(ChangeState.class);
        next.addAll(TABLE.get(type).get(from));
        return next;
    }

    /** Whether {@code from → to} is legal for {@code type}. */
    public static boolean allows(ChangeType type, ChangeState from, ChangeState to) {
        return TABLE.get(type).get(from).contains(to);
    }

    /**
     * Returns normally when {@code from → to} is legal for {@code type}.
     *
     * @throws IllegalTransitionException
     *             naming the allowed states
     */
    public static void check(ChangeType type, ChangeState from, ChangeState to) {
        if (!allows(type, from, to)) {
            throw new IllegalTransitionException(type, from, to, next(type, from));
        }
    }
}
