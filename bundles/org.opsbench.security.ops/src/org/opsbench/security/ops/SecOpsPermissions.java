package org.opsbench.security.ops;

/** The permissions security operations checks. */
public final class SecOpsPermissions {

    /** See hosts, advisories, findings, compliance, ports and signals. */
    public static final String READ = "secops:read";
    /** Scan hosts (packages, patches, ports, logins). */
    public static final String SCAN = "secops:scan";
    /** Accept a finding's risk for a while, or reopen it. */
    public static final String ACCEPT_RISK = "secops:accept-risk";
    /** Import advisories, manage hosts, approve ports and rulesets, change settings. */
    public static final String CONFIGURE = "secops:configure";

    private SecOpsPermissions() {
    }
}
