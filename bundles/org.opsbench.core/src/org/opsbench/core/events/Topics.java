package org.opsbench.core.events;

/** EventAdmin topics posted by Opsbench. Subscribe with a wildcard such as {@code org/opsbench/monitoring/*}. */
public final class Topics {

    /** Prefix of every Opsbench topic. */
    public static final String ROOT = "org/opsbench/";

    /** A host presented an SSH host key that differs from the known one: the connection was refused. */
    public static final String SECURITY_HOST_KEY_CHANGED = ROOT + "security/HOST_KEY_CHANGED";
    /** An SSH host key was approved and added to the known hosts. */
    public static final String SECURITY_HOST_KEY_APPROVED = ROOT + "security/HOST_KEY_APPROVED";
    /** An SSH host key was removed from the known hosts. */
    public static final String SECURITY_HOST_KEY_REMOVED = ROOT + "security/HOST_KEY_REMOVED";
    /** A principal was refused a permission. */
    public static final String SECURITY_ACCESS_DENIED = ROOT + "security/ACCESS_DENIED";
    /** A user logged in (property {@code principal}). */
    public static final String SECURITY_LOGIN = ROOT + "security/LOGIN";
    /** A login was refused (property {@code reason}; the login name is not posted). */
    public static final String SECURITY_LOGIN_FAILED = ROOT + "security/LOGIN_FAILED";
    /** A user, group or role was created, changed or deleted. */
    public static final String SECURITY_IDENTITY_CHANGED = ROOT + "security/IDENTITY_CHANGED";
    /** A secret of the vault was stored or deleted, or the master key rotated (never carries a value). */
    public static final String SECURITY_VAULT_CHANGED = ROOT + "security/VAULT_CHANGED";
    /** Verification found the audit trail altered. */
    public static final String SECURITY_AUDIT_TAMPERED = ROOT + "security/AUDIT_TAMPERED";

    /** The monitored state of a check changed (for example OK to CRITICAL). */
    public static final String MONITORING_STATE_CHANGED = ROOT + "monitoring/STATE_CHANGED";

    /** An incident was opened. */
    public static final String INCIDENTS_OPENED = ROOT + "incidents/OPENED";
    /** An incident was resolved. */
    public static final String INCIDENTS_RESOLVED = ROOT + "incidents/RESOLVED";

    /** A change started its implementation window. */
    public static final String CHANGES_STARTED = ROOT + "changes/STARTED";
    /** A change ended its implementation window. */
    public static final String CHANGES_ENDED = ROOT + "changes/ENDED";

    /** A configuration item was created or updated. */
    public static final String ASSETS_CI_UPDATED = ROOT + "assets/CI_UPDATED";

    /** A backup run finished, successfully or not. */
    public static final String BACKUP_RUN_FINISHED = ROOT + "backup/RUN_FINISHED";

    /** An area's schema migration failed; the area is not available. */
    public static final String PLATFORM_MIGRATION_FAILED = ROOT + "platform/MIGRATION_FAILED";

    private Topics() {
    }
}
