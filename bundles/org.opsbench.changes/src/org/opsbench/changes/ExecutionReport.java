package org.opsbench.changes;

import java.util.List;

/**
 * What an execution did.
 *
 * @param reference
 *            the change
 * @param phase
 *            implementation or rollback
 * @param state
 *            the change's state after it
 * @param runs
 *            the steps run, in order
 */
public record ExecutionReport(String reference, StepRun.Phase phase, ChangeState state, List<StepRun> runs) {

    /** Copies the list. */
    public ExecutionReport {
        runs = List.copyOf(runs);
    }

    /** Whether every step succeeded. */
    public boolean succeeded() {
        return runs.stream().allMatch(r -> r.status() == StepRun.Status.SUCCEEDED);
    }
}
