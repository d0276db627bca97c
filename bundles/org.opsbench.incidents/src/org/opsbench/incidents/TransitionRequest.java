package org.opsbench.incidents;

/**
 * A requested state change with what the target state needs.
 *
 * @param target
 *            the new state
 * @param reason
 *            for Pending: why (required); otherwise an optional comment for the worklog
 * @param resolutionCode
 *            for Resolved: the resolution code (required), for example {@code fixed}, {@code workaround}
 * @param notes
 *            for Resolved: resolution notes (required)
 */
public record TransitionRequest(TicketState target, String reason, String resolutionCode, String notes) {

    /** Normalizes blanks. */
    public TransitionRequest {
        reason = reason == null ? "" : reason.strip();
        resolutionCode = resolutionCode == null ? "" : resolutionCode.strip();
        notes = notes == null ? "" : notes.strip();
    }

    /** A change to {@code target} without extra data. */
    public static TransitionRequest to(TicketState target) {
        return new TransitionRequest(target, "", "", "");
    }

    /** To Pending for {@code reason}. */
    public static TransitionRequest pending(String reason) {
        return new TransitionRequest(TicketState.PENDING, reason, "", "");
    }

    /** To Resolved. */
    public static TransitionRequest resolved(String code, String notes) {
        return new TransitionRequest(TicketState.RESOLVED, "", code, notes);
    }
}
