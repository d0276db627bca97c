package org.opsbench.changes;

/** The kinds of change, each with its own path through the {@link ChangeWorkflow}. */
public enum ChangeType {
    /** Low risk and routine, from a template: pre-approved, submitting approves it. */
    STANDARD,
    /** Assessed and approved by the change advisory board before it is scheduled. */
    NORMAL,
    /** Urgent: may be scheduled and implemented before approval, and is approved afterwards (post-approval). */
    EMERGENCY
}
