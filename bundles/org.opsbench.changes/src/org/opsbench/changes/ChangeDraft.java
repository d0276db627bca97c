package org.opsbench.changes;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;

/**
 * What a requester writes: the fields of a change that are edited in DRAFT (and, for the window, until it is
 * scheduled). Steps are shell commands, one a line, run in order on every affected item's host.
 *
 * @param type
 *            standard, normal or emergency
 * @param title
 *            one line, required
 * @param reason
 *            why the change is needed
 * @param items
 *            the affected configuration items, in the order their hosts are worked on
 * @param plannedStart
 *            start of the implementation window, or {@code null} while unknown
 * @param plannedEnd
 *            end of the implementation window, or {@code null}
 * @param steps
 *            implementation steps, in order
 * @param rollbackSteps
 *            rollback steps, in order
 * @param testPlan
 *            how success is verified
 * @param implementer
 *            login of who implements it, or empty
 */
public record ChangeDraft(ChangeType type, String title, String reason, List<CiRef> items, Instant plannedStart,
        Instant plannedEnd, List<String> steps, List<String> rollbackSteps, String testPlan, String implementer) {

    /** Copies the lists and replaces missing texts by empty ones. */
    public ChangeDraft {
        type = type == null ? ChangeType.NORMAL : type;
        title = title == null ? "" : title.strip();
        reason = reason == null ? "" : reason;
        items = items == null ? List.of() : List.copyOf(items);
        steps = steps == null ? List.of() : List.copyOf(steps);
        rollbackSteps = rollbackSteps == null ? List.of() : List.copyOf(rollbackSteps);
        testPlan = testPlan == null ? "" : testPlan;
        implementer = implementer == null ? "" : implementer.strip();
    }

    /** A draft of {@code type} with only a title and items. */
    public static ChangeDraft of(ChangeType type, String title, List<CiRef> items) {
        return new ChangeDraft(type, title, "", items, null, null, List.of(), List.of(), "", "");
    }

    /** This draft with an implementation window. */
    public ChangeDraft withWindow(Instant start, Instant end) {
        return new ChangeDraft(type, title, reason, items, start, end, steps, rollbackSteps, testPlan, implementer);
    }

    /** This draft with implementation and rollback steps. */
    public ChangeDraft withSteps(List<String> implementation, List<String> rollback) {
        return new ChangeDraft(type, title, reason, items, plannedStart, plannedEnd, implementation, rollback,
                testPlan, implementer);
    }

    /** This draft with a reason, test plan and implementer. */
    public ChangeDraft withDetails(String why, String test, String who) {
        return new ChangeDraft(type, title, why, items, plannedStart, plannedEnd, steps, rollbackSteps, test, who);
    }
}
