package org.opsbench.changes;

import java.time.Instant;
import java.util.List;

/**
 * A request for change as stored.
 *
 * @param reference
 *            its number, {@code CHG-000001} and up
 * @param state
 *            where it is in the workflow
 * @param draft
 *            its fields
 * @param requester
 *            login of who created it
 * @param template
 *            the standard template it came from, or empty
 * @param risk
 *            the last risk assessment, or {@code null} before one
 * @param approvals
 *            the board's decisions, oldest first
 * @param actualStart
 *            when implementation started, or {@code null}
 * @param actualEnd
 *            when implementation (or its rollback) ended, or {@code null}
 * @param created
 *            when it was created
 * @param updated
 *            when it last changed
 */
public record ChangeRequest(String reference, ChangeState state, ChangeDraft draft, String requester,
        String template, RiskAssessment risk, List<Approval> approvals, Instant actualStart, Instant actualEnd,
        Instant created, Instant updated) {

    /** Copies the list. */
    public ChangeRequest {
        approvals = List.copyOf(approvals);
        template = template == null ? "" : template;
    }

    /** The change's type. */
    public ChangeType type() {
        return draft.type();
    }

    /** The change's title. */
    public String title() {
        return draft.title();
    }

    /** The approvals (not rejections), one per approver. */
    public long approvalCount() {
        return approvals.stream().filter(Approval::approved).map(Approval::approver).distinct().count();
    }
}
