package org.opsbench.changes;

/** The permissions the changes area checks (declared as data by its {@code PermissionSet} service). */
public final class ChangePermissions {

    /** See changes, the calendar, baselines and drift. */
    public static final String READ = "changes:read";
    /** Create, edit, submit, schedule, review and close changes; define baselines and execution targets. */
    public static final String WRITE = "changes:write";
    /** Assess, approve and reject changes as a member of the change advisory board; freezes, templates, baselines. */
    public static final String APPROVE = "changes:approve";
    /** Implement changes: run their steps and their rollback, capture baselines. */
    public static final String EXECUTE = "changes:execute";

    private ChangePermissions() {
    }
}
