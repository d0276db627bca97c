package org.opsbench.security.ops;

import java.time.Instant;

/**
 * A security event of a host: a burst of failed SSH logins ({@code count} within the window, from {@code source}s), a
 * changed SSH host key, an unapproved port, rule drift or a finding at or above the event threshold.
 */
public record SecuritySignal(long id, String host, Kind kind, Instant at, String summary, int count) {

    /** What kind of signal. */
    public enum Kind {
        /** Failed SSH logins above the threshold within the window. */
        FAILED_LOGIN_BURST,
        /** The SSH bundle refused a host whose key changed. */
        HOST_KEY_CHANGED,
        /** A port listens that no baseline approves. */
        UNAPPROVED_PORT,
        /** The firewall ruleset differs from the accepted one. */
        RULE_DRIFT,
        /** A vulnerability finding at or above the configured severity. */
        VULNERABILITY
    }
}
