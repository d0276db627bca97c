package org.opsbench.security.ops;

/**
 * Settings: findings at or above {@code eventThreshold} post events; a host complies when no security update is pending
 * longer than {@code maxPendingDays}; more than {@code failedLoginThreshold} failed logins within
 * {@code failedLoginWindowMinutes} are a burst.
 */
public record SecOpsSettings(RiskLevel eventThreshold, int maxPendingDays, int failedLoginThreshold,
        int failedLoginWindowMinutes) {

    /** The defaults: HIGH, 14 days, 10 failures in 5 minutes. */
    public static final SecOpsSettings DEFAULTS = new SecOpsSettings(RiskLevel.HIGH, 14, 10, 5);

    /** Checks the ranges; errors name the field. */
    public SecOpsSettings {
        if (eventThreshold == null) {
            throw new InvalidInputException("eventThreshold", "required");
        }
        if (maxPendingDays < 0 || maxPendingDays > 3650) {
            throw new InvalidInputException("maxPendingDays", "must be between 0 and 3650, was " + maxPendingDays);
        }
        if (failedLoginThreshold < 1) {
            throw new InvalidInputException("failedLoginThreshold", "must be at least 1, was " + failedLoginThreshold);
        }
        if (failedLoginWindowMinutes < 1 || failedLoginWindowMinutes > 1440) {
            throw new InvalidInputException("failedLoginWindowMinutes",
                    "must be between 1 and 1440, was " + failedLoginWindowMinutes);
        }
    }
}
