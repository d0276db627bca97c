package org.opsbench.security.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opsbench.core.Principal;

/**
 * Security operations: vulnerability findings from OSV advisories matched against the packages of managed hosts, patch
 * compliance, port and firewall audit, and threat signals. Every method checks a {@link SecOpsPermissions permission}
 * of {@code caller}; every change runs in one transaction, is audited, and posts its {@code org/opsbench/security/*}
 * event where there is one. Bad input throws {@link InvalidInputException} naming the field; nothing is half-written.
 */
public interface SecurityOperations {

    /** The managed hosts. */
    List<ManagedHost> hosts(Principal caller);

    /** Adds or replaces a host (configure). */
    void saveHost(Principal caller, ManagedHost host);

    /** Deletes a host and its findings (configure); false when there was none. */
    boolean deleteHost(Principal caller, String name);

    /** Imports OSV advisories from a JSON file, a folder of them or a zip, in one transaction (configure). */
    ImportResult importAdvisories(Principal caller, Path source);

    /** How many advisories are stored. */
    long advisoryCount(Principal caller);

    /**
     * Collects a host's installed packages (over SSH when it has an address, else from its configuration item's
     * discovery facts) and matches them (scan): new findings open, present ones are seen again, missing ones are fixed.
     */
    ScanResult scanPackages(Principal caller, String host);

    /** Matches packages collected elsewhere against the advisories, as {@link #scanPackages} does (scan). */
    ScanResult recordPackages(Principal caller, String host, List<InstalledPackage> installed);

    /** Every finding, worst first; accepted risks past their expiry are open again. */
    List<Finding> findings(Principal caller);

    /** Accepts a finding's risk until {@code until} with a reason (accept-risk); returns it. */
    Finding acceptRisk(Principal caller, long findingId, String reason, Instant until);

    /** Opens an accepted finding again (accept-risk). */
    Finding reopen(Principal caller, long findingId);

    /** Checks a host's pending updates over SSH (scan); nothing is installed. */
    PatchStatus checkPatches(Principal caller, String host);

    /** Every host's last patch status. */
    List<PatchStatus> patchStatus(Principal caller);

    /** The share of compliant hosts per day, the last {@code days} days. */
    List<ComplianceDay> complianceTrend(Principal caller, int days);

    /** Collects a host's listening ports and firewall ruleset over SSH and audits them (scan). */
    PortAudit auditPorts(Principal caller, String host);

    /** Every host's last port audit. */
    List<PortAudit> portAudits(Principal caller);

    /**
     * Approves {@code protocol/port} for a scope: {@code host:NAME} or {@code type:CI_TYPE} (configure); the next audit
     * no longer reports it, and the last audit of the matching hosts is updated now.
     */
    void approvePort(Principal caller, String scope, String protocol, int port);

    /** Withdraws an approval (configure); false when there was none. */
    boolean revokePort(Principal caller, String scope, String protocol, int port);

    /** Every approval as {@code scope protocol/port}. */
    List<String> baselines(Principal caller);

    /** Accepts the host's last seen firewall ruleset as its expected one (configure). */
    void acceptRuleset(Principal caller, String host);

    /**
     * Reads the failed SSH logins of the last {@code lookBack} over SSH, from the journal of the ssh units or
     * {@code /var/log/auth.log} (or from {@code logFile} when not empty), and records bursts above the threshold as
     * signals with an event (scan); returns the new signals.
     */
    List<SecuritySignal> scanLogins(Principal caller, String host, Duration lookBack, String logFile);

    /** The latest security signals, newest first. */
    List<SecuritySignal> signals(Principal caller, int limit);

    /** The settings. */
    SecOpsSettings settings(Principal caller);

    /** Changes the settings (configure). */
    void saveSettings(Principal caller, SecOpsSettings settings);
}
