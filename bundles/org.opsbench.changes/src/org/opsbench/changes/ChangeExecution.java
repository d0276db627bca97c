package org.opsbench.changes;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Runs a change's steps over SSH on its items' hosts: each step on every host in the items' order, stopping at the
 * first failure, output stored per step and host. At the start the items are announced on
 * {@link org.opsbench.core.events.Topics#CHANGES_STARTED} (maintenance), at the end released on
 * {@link org.opsbench.core.events.Topics#CHANGES_ENDED}. Needs {@link ChangePermissions#EXECUTE}.
 */
public interface ChangeExecution {

    /**
     * Implements a SCHEDULED change: IMPLEMENTING, then IMPLEMENTED when every step succeeded, else FAILED (a
     * cancellation fails it too). Blocks until done.
     */
    ExecutionReport execute(Principal caller, String reference, ExecutionMonitor monitor);

    /** Runs the rollback steps of a FAILED change: ROLLED_BACK when they all succeed, else it stays FAILED. */
    ExecutionReport rollback(Principal caller, String reference, ExecutionMonitor monitor);

    /** The steps run for the change so far, in order. */
    List<StepRun> runs(Principal caller, String reference);

    /** Stores how to reach an item's host (needs {@link ChangePermissions#WRITE}). */
    void saveAccess(Principal caller, HostAccess access);

    /**
     * How to reach the host of the item {@code ciId}: as stored, else from the CMDB's facts {@code ssh.host} (or
     * {@code ip.address}), {@code ssh.port}, {@code ssh.user}, {@code ssh.credential} when present.
     */
    Optional<HostAccess> access(Principal caller, String ciId);
}
