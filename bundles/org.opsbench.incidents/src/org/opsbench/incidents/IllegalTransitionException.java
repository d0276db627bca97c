package org.opsbench.incidents;

import java.util.Set;
import java.util.stream.Collectors;

/** A state change that the lifecycle does not allow; the message names the allowed ones. Nothing was written. */
public final class IllegalTransitionException extends InvalidTicketException {

    private static final long serialVersionUID = 1L;

    private final TicketState from;
    private final TicketState to;
    private final transient Set<TicketState> allowed;

    /** Refuses {@code from} &rarr; {@code to}; {@code allowed} are the legal targets now, {@code why} may be null. */
    public IllegalTransitionException(String reference, TicketState from, TicketState to, Set<TicketState> allowed,
            String why) {
        super("state", reference + " cannot go from " + from + " to " + to + (why == null ? "" : " (" + why + ")")
                + "; allowed: " + (allowed.isEmpty()
                        ? "none, " + from + " is final"
                        : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    /** The current state. */
    public TicketState from() {
        return from;
    }

    /** The refused target. */
    public TicketState to() {
        return to;
    }

    /** The states that are legal from {@link #from()} now. */
    public Set<TicketState> allowed() {
        return allowed;
    }
}
