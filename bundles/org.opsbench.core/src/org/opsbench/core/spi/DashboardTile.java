package org.opsbench.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A key figure shown on the dashboard, as data: the workbench draws it, the server serves it. Register as an OSGi
 * service; {@link #current()} is called from a background thread and should be cheap.
 */
@ConsumerType
public interface DashboardTile {

    /** Direction of a figure compared with the previous period. */
    enum Trend {
        /** Rising. */
        UP,
        /** Falling. */
        DOWN,
        /** Steady. */
        FLAT,
        /** Not known. */
        NONE
    }

    /**
     * The figure now.
     *
     * @param value
     *            the figure, formatted for display
     * @param unit
     *            its unit, possibly empty
     * @param health
     *            whether the figure is fine
     * @param trend
     *            its direction
     */
    record Value(String value, String unit, Health health, Trend trend) {
    }

    /** A stable id, such as {@code monitoring.failing}. */
    String id();

    /** The title shown on the tile. */
    String title();

    /** A sort key: lower ranks are shown first. */
    default int rank() {
        return 100;
    }

    /** The current figure. */
    Value current();
}
