package org.opsbench.changes.internal.service;

import java.time.Instant;
import java.util.function.ToIntFunction;

import org.opsbench.changes.ChangePermissions;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.internal.store.ChangeStore;

/** What a workflow move needs beyond the state machine: its permission, and the guards that look at data. */
final class Guards {

    private final ChangeStore store;
    private final ToIntFunction<ChangeType> quorum;

    Guards(ChangeStore store, ToIntFunction<ChangeType> quorum) {
        this.store = store;
        this.quorum = quorum;
    }

    /** The permission a move of {@code c} to {@code target} needs. */
    static String permissionFor(ChangeRequest c, ChangeState target) {
        if (c.type() == ChangeType.STANDARD && c.state() == ChangeState.DRAFT) {
            // submitting a standard change: its template is the approval
            return ChangePermissions.WRITE;
        }
        return switch (target) {
            case ASSESSED, APPROVED, REJECTED -> ChangePermissions.APPROVE;
            case IMPLEMENTING, IMPLEMENTED, FAILED, ROLLED_BACK -> ChangePermissions.EXECUTE;
            default -> ChangePermissions.WRITE;
        };
    }

    /** Why the move to {@code target} is refused for data reasons, or {@code null}. */
    String refusal(ChangeRequest c, ChangeState target) {
        switch (target) {
            case APPROVED -> {
                boolean unschedule = c.state() == ChangeState.SCHEDULED;
                if (c.type() != ChangeType.STANDARD && !unschedule && c.approvalCount() < quorum.applyAsInt(c.type())) {
                    return c.reference() + " needs " + quorum.applyAsInt(c.type()) + " approvals, has "
                            + c.approvalCount()
                            + ": approve it as a board member";
                }
            }
            case SCHEDULED -> {
                if (c.draft().plannedStart() == null || c.draft().plannedEnd() == null) {
                    return c.reference() + " has no implementation window: schedule it with a start and an end";
                }
                String frozen = frozen(c, c.draft().plannedStart(), c.draft().plannedEnd());
                if (frozen != null) {
                    return frozen;
                }
            }
            case CLOSED -> {
                if (c.type() == ChangeType.EMERGENCY && c.state() == ChangeState.REVIEWED
                        && c.approvalCount() < quorum.applyAsInt(c.type())) {
                    return "emergency change " + c.reference() + " needs its post-approval before it is closed ("
                            + c.approvalCount() + " of " + quorum.applyAsInt(c.type()) + ")";
                }
            }
            default -> {
                // no data guard
            }
        }
        return null;
    }

    /** Why {@code [start, end)} is refused for {@code c} by a freeze, or {@code null}. */
    String frozen(ChangeRequest c, Instant start, Instant end) {
        if (c.type() == ChangeType.EMERGENCY) {
            return null;
        }
        for (FreezeWindow f : store.freezes(start, end)) {
            return "the window " + start + " to " + end + " falls in the freeze '" + f.name() + "' (" + f.start()
                    + " to " + f.end() + "): only emergency changes may be scheduled then";
        }
        return null;
    }
}
