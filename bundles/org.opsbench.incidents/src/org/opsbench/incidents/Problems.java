package org.opsbench.incidents;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Problems and known errors. Reads need {@link IncidentsPermissions#READ}; changes
 * {@link IncidentsPermissions#PROBLEMS}, are audited and post {@code org/opsbench/incidents/UPDATED}.
 */
public interface Problems {

    /** Records a problem. */
    Problem create(Principal caller, ProblemDraft draft);

    /** Changes a problem's fields. */
    Problem update(Principal caller, String reference, ProblemDraft draft);

    /** The problem with {@code reference}. */
    Optional<Problem> problem(Principal caller, String reference);

    /** All problems, newest first. */
    List<Problem> problems(Principal caller);

    /** Links an incident to a problem (an incident has at most one problem; a new link replaces the old). */
    void link(Principal caller, String problem, String incident);

    /** Publishes the problem as a known error; its workaround must not be empty. */
    Problem publishKnownError(Principal caller, String reference);

    /** Closes the problem (no longer matched as a known error). */
    Problem close(Principal caller, String reference);
}
