package org.opsbench.changes;

/** Where a change is in its {@link ChangeWorkflow}. */
public enum ChangeState {
    /** Being written. */
    DRAFT,
    /** Handed in for assessment. */
    SUBMITTED,
    /** Risk assessed; waiting for the board's decision. */
    ASSESSED,
    /** Approved (by quorum, by template, or post-approved for an emergency). */
    APPROVED,
    /** Refused by the board. */
    REJECTED,
    /** Has an implementation window in the calendar. */
    SCHEDULED,
    /** Its steps are running; its items are in maintenance. */
    IMPLEMENTING,
    /** Implemented successfully. */
    IMPLEMENTED,
    /** Implementation failed; rollback is offered. */
    FAILED,
    /** Failed and rolled back. */
    ROLLED_BACK,
    /** Reviewed after implementation. */
    REVIEWED,
    /** Done. */
    CLOSED
}
