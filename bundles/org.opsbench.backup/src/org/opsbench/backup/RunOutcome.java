package org.opsbench.backup;

/** How a run ended, or that it has not. */
public enum RunOutcome {
    /** Still running. */
    RUNNING,
    /** The archive and its manifest were stored completely. */
    SUCCEEDED,
    /** It failed; nothing was left under the archive's name. */
    FAILED,
    /** It was cancelled; nothing was left under the archive's name. */
    CANCELLED;

    /** Whether the run has ended. */
    public boolean ended() {
        return this != RUNNING;
    }
}
