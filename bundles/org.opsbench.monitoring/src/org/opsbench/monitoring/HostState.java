package org.opsbench.monitoring;

import org.opsbench.core.spi.Health;

/** The state of a host as operators know it from Nagios and Icinga. */
public enum HostState {
    /** The host answers. */
    UP,
    /** The host does not answer, and its parents are up. */
    DOWN,
    /** The host does not answer because a parent is down: no alert for it. */
    UNREACHABLE;

    /**
     * The host state for a host check result: OK and WARNING are UP (as in Nagios); any other result is DOWN, or
     * UNREACHABLE when a parent host is down.
     */
    public static HostState of(Health result, boolean parentDown) {
        if (result == Health.OK || result == Health.WARNING) {
            return UP;
        }
        return parentDown ? UNREACHABLE : DOWN;
    }
}
