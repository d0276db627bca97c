package org.opsbench.monitoring;

/** The permissions the monitoring area checks (declared as data by its {@code PermissionSet} service). */
public final class MonitoringPermissions {

    /** See checks, their states and results. */
    public static final String READ = "monitoring:read";
    /** Create, change and delete checks. */
    public static final String WRITE = "monitoring:write";
    /** Acknowledge a problem so that it stops alerting. */
    public static final String ACKNOWLEDGE = "monitoring:acknowledge";

    private MonitoringPermissions() {
    }
}
