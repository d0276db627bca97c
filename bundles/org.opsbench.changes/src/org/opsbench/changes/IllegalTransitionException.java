package org.opsbench.changes;

import java.util.Set;

/** A change was asked to move where its {@link ChangeWorkflow} does not go; the message names where it may go. */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Set<ChangeState> allowed;

    /** For the refused move {@code from → to} of a change of {@code type}. */
    public IllegalTransitionException(ChangeType type, ChangeState from, ChangeState to, Set<ChangeState> allowed) {
        super("a " + type.name().toLowerCase() + " change cannot go from " + from + " to " + to + "; allowed: "
                + (allowed.isEmpty() ? "none (" + from + " is final)" : allowed));
        this.allowed = Set.copyOf(allowed);
    }

    /** The states the change may move to instead. */
    public Set<ChangeState> allowed() {
        return allowed;
    }
}
