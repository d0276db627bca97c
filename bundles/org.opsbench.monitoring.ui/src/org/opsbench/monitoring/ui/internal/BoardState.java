package org.opsbench.monitoring.ui.internal;

import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.HostState;

/** The states the board shows: the four check states, the three host states, and PENDING (never checked yet). */
public enum BoardState {
    /** A check that is fine. */
    OK(0, false),
    /** A check close to a limit. */
    WARNING(3, false),
    /** A check that failed. */
    CRITICAL(6, false),
    /** A check that could not tell. */
    UNKNOWN(4, false),
    /** Not checked yet. */
    PENDING(1, false),
    /** A host that answers. */
    UP(0, true),
    /** A host that does not answer. */
    DOWN(7, true),
    /** A host behind a down parent. */
    UNREACHABLE(5, true);

    private final int severity;
    private final boolean host;

    BoardState(int severity, boolean host) {
        this.severity = severity;
        this.host = host;
    }

    /** How bad: higher is worse; the board lists the worst first. */
    public int severity() {
        return severity;
    }

    /** Whether this is a host state. */
    public boolean isHostState() {
        return host;
    }

    /** Whether an operator has something to do: not OK, UP or PENDING. */
    public boolean isProblem() {
        return this != OK && this != UP && this != PENDING;
    }

    /** The state of a check result ({@code null}: not run yet). */
    public static BoardState of(Health health) {
        return health == null ? PENDING : valueOf(health.name());
    }

    /** The state of a host ({@code null}: not checked yet). */
    public static BoardState of(HostState state) {
        return state == null ? PENDING : valueOf(state.name());
    }

    /** The state named {@code name} in history and alert records ({@code OK}, {@code DOWN}...), else PENDING. */
    public static BoardState named(String name) {
        if (name == null) {
            return PENDING;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return PENDING;
        }
    }
}
