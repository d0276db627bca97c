package org.opsbench.backup.ui.internal;

/** Part ids of the backup views. */
public final class BackupViews {

    /** Jobs, runs and logs. */
    public static final String JOBS = "org.opsbench.backup.ui.part.jobs";
    /** The RPO/RTO board. */
    public static final String OBJECTIVES = "org.opsbench.backup.ui.part.objectives";

    private BackupViews() {
    }
}
