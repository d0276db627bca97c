package org.opsbench.backup;

/** The permissions the backup area checks. */
public final class BackupPermissions {

    /** See jobs, runs, manifests, drills and objectives. */
    public static final String READ = "backup:read";
    /** Create, change and delete jobs and objectives; prune. */
    public static final String WRITE = "backup:write";
    /** Run a job now, cancel a run, verify an archive, run a drill. */
    public static final String RUN = "backup:run";
    /** Restore an archive onto a host or into a folder. */
    public static final String RESTORE = "backup:restore";

    private BackupPermissions() {
    }
}
