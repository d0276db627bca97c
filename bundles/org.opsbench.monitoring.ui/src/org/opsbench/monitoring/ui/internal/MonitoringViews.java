package org.opsbench.monitoring.ui.internal;

/** The element ids of this bundle's views (see {@code fragment.e4xmi}). */
public final class MonitoringViews {

    /** The status board. */
    public static final String BOARD = "org.opsbench.monitoring.ui.part.board";
    /** The detail of one host or check. */
    public static final String DETAIL = "org.opsbench.monitoring.ui.part.detail";
    /** The alert log. */
    public static final String ALERTS = "org.opsbench.monitoring.ui.part.alerts";
    /** The maintenance calendar. */
    public static final String MAINTENANCE = "org.opsbench.monitoring.ui.part.maintenance";
    /** The editors of hosts, checks and notification rules. */
    public static final String CONFIGURATION = "org.opsbench.monitoring.ui.part.config";

    private MonitoringViews() {
    }
}
