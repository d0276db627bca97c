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

    /**
     * Security operations found a vulnerable package at or above the configured severity (properties {@code host},
     * {@code ci.id}, {@code severity}, {@code reference}: the advisory, {@code summary}, {@code source}).
     */
    public static final String SECURITY_VULNERABILITY_FOUND = ROOT + "security/VULNERABILITY_FOUND";
    /** A port listens on a host that no approved baseline allows (properties {@code host}, {@code port}). */
    public static final String SECURITY_PORT_UNAPPROVED = ROOT + "security/PORT_UNAPPROVED";
    /** A host's firewall ruleset differs from its accepted one (properties {@code host}, {@code summary}). */
    public static final String SECURITY_RULE_DRIFT = ROOT + "security/RULE_DRIFT";
    /** Failed SSH logins on a host rose above the threshold within the window (properties {@code host}). */
    public static final String SECURITY_LOGIN_BURST = ROOT + "security/LOGIN_BURST";
    /** The monitored state of a check changed (for example OK to CRITICAL). */
    public static final String MONITORING_STATE_CHANGED = ROOT + "monitoring/STATE_CHANGED";

    /** An incident was opened. */
    public static final String INCIDENTS_OPENED = ROOT + "incidents/OPENED";
    /** An incident was resolved. */
    public static final String INCIDENTS_RESOLVED = ROOT + "incidents/RESOLVED";
    /** A ticket changed: state, assignment, priority or fields (property {@code state.new} when the state changed). */
    public static final String INCIDENTS_UPDATED = ROOT + "incidents/UPDATED";
    /** A ticket's SLA target is close to its deadline (for example 80 % of the time used). */
    public static final String INCIDENTS_SLA_WARNING = ROOT + "incidents/SLA_WARNING";
    /** A ticket's SLA target was breached. */
    public static final String INCIDENTS_SLA_BREACHED = ROOT + "incidents/SLA_BREACHED";

    /**
     * A change started its implementation window: properties {@code reference} (the change's number), {@code ci.ids}
     * and {@code ci.names} (its configuration items), {@code window.end} (its planned end), {@code summary}. Monitoring
     * puts those items into maintenance until {@link #CHANGES_ENDED} or the window's end.
     */
    public static final String CHANGES_STARTED = ROOT + "changes/STARTED";
    /**
     * A change ended its implementation window (properties {@code reference}, {@code ci.ids}, {@code ci.names},
     * {@code state.new}: how it ended).
     */
    public static final String CHANGES_ENDED = ROOT + "changes/ENDED";
    /**
     * A change was created or changed: state, approvals, schedule or fields (properties {@code reference},
     * {@code state.old} and {@code state.new} when the state changed, {@code summary}).
     */
    public static final String CHANGES_UPDATED = ROOT + "changes/UPDATED";
    /**
     * A configuration baseline was compared and the host's configuration differs from it (properties {@code ci.id},
     * {@code ci.type}, {@code ci.name}, {@code reference}: the baseline, {@code summary}).
     */
    public static final String CHANGES_DRIFT = ROOT + "changes/DRIFT";

    /** A configuration item was created or updated. */
    public static final String ASSETS_CI_UPDATED = ROOT + "assets/CI_UPDATED";
    /** A configuration item was deleted. */
    public static final String ASSETS_CI_DELETED = ROOT + "assets/CI_DELETED";
    /** Discovery found a configuration item's facts changed since the last discovery (configuration drift). */
    public static final String ASSETS_DRIFT = ROOT + "assets/DRIFT";
    /** A warranty or license ends within its warning period, or has ended. */
    public static final String ASSETS_EXPIRY_WARNING = ROOT + "assets/EXPIRY_WARNING";

    /** A backup run finished, successfully or not. */
    public static final String BACKUP_RUN_FINISHED = ROOT + "backup/RUN_FINISHED";
    /** A backup run failed or was cancelled (property {@code reason}). */
    public static final String BACKUP_RUN_FAILED = ROOT + "backup/RUN_FAILED";
    /** A protected item is outside its recovery point or recovery time objective. */
    public static final String BACKUP_OBJECTIVE_BREACHED = ROOT + "backup/OBJECTIVE_BREACHED";
    /** A restore drill or verification finished (property {@code state.new}: {@code PASSED} or {@code FAILED}). */
    public static final String BACKUP_DRILL_FINISHED = ROOT + "backup/DRILL_FINISHED";

    /** An area's schema migration failed; the area is not available. */
    public static final String PLATFORM_MIGRATION_FAILED = ROOT + "platform/MIGRATION_FAILED";

    private Topics() {
    }
}
