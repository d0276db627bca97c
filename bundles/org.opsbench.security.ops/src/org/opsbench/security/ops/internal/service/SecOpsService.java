package org.opsbench.security.ops.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.ComplianceDay;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.ImportResult;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.InvalidInputException;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PortAudit;
import org.opsbench.security.ops.ScanResult;
import org.opsbench.security.ops.SecOpsPermissions;
import org.opsbench.security.ops.SecOpsSettings;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.security.ops.internal.osv.OsvParser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@link SecurityOperations} service: permission, validation, one transaction, audit; events follow. */
@Component(service = SecurityOperations.class)
public final class SecOpsService implements SecurityOperations {

    private final SecOpsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;
    private final Scans scans;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems cmdb;

    /** On the runtime, SSH and the security core. */
    @Activate
    public SecOpsService(@Reference SecOpsRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference Remote remote) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
        this.scans = new Scans(runtime, remote);
    }

    @Override
    public List<ManagedHost> hosts(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.store().hosts();
    }

    @Override
    public void saveHost(Principal caller, ManagedHost host) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        if (host == null || host.name() == null || host.name().isBlank()) {
            throw new InvalidInputException("name", "required");
        }
        if (host.name().length() > 200 || host.name().contains(" ")) {
            throw new InvalidInputException("name", "at most 200 characters, no spaces");
        }
        if (host.address().isBlank() && host.ciId().isBlank()) {
            throw new InvalidInputException("address", "required (or a ciId whose discovery facts list packages)");
        }
        if (!host.address().isBlank() && (host.user().isBlank() || host.credentialAlias().isBlank())) {
            throw new InvalidInputException(host.user().isBlank() ? "user" : "credentialAlias",
                    "required for SSH");
        }
        Optional<ManagedHost> before = runtime.store().saveHost(host);
        audit.append(new AuditEntry(caller, before.isPresent() ? "secops.host.update" : "secops.host.create",
                "secops-host", host.name(), (before.isPresent() ? "changed" : "added") + " managed host " + host.name(),
                before.map(Object::toString).orElse(null), host.toString()));
    }

    @Override
    public boolean deleteHost(Principal caller, String name) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        Optional<ManagedHost> before = runtime.store().deleteHost(name);
        before.ifPresent(b -> audit.append(new AuditEntry(caller, "secops.host.delete", "secops-host", name,
                "deleted managed host " + name + " and its findings", b.toString(), null)));
        return before.isPresent();
    }

    @Override
    public ImportResult importAdvisories(Principal caller, Path source) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        List<Advisory> advisories;
        try {
            advisories = OsvParser.read(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        int added = runtime.store().saveAdvisories(advisories);
        runtime.reindex();
        int packages = advisories.stream().mapToInt(a -> a.affected().size()).sum();
        ImportResult result = new ImportResult(advisories.size(), advisories.size(), packages);
        audit.append(AuditEntry.of(caller, "secops.advisories.import", "secops-advisories", source.toString(),
                "imported " + advisories.size() + " advisories (" + added + " new, " + packages
                        + " affected packages) from " + source));
        return result;
    }

    @Override
    public long advisoryCount(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.store().advisoryCount();
    }

    @Override
    public ScanResult scanPackages(Principal caller, String host) {
        access.check(caller, SecOpsPermissions.SCAN);
        ManagedHost h = scans.host(host);
        return recorded(caller, h, scans.packages(h, cmdb));
    }

    @Override
    public ScanResult recordPackages(Principal caller, String host, List<InstalledPackage> installed) {
        access.check(caller, SecOpsPermissions.SCAN);
        return recorded(caller, scans.host(host), installed);
    }

    private ScanResult recorded(Principal caller, ManagedHost h, List<InstalledPackage> installed) {
        ScanResult r = scans.match(h, installed);
        audit.append(AuditEntry.of(caller, "secops.scan.packages", "secops-host", h.name(),
                "package scan of " + h.name() + ": " + r.packages() + " packages, " + r.opened() + " findings opened, "
                        + r.present() + " still present, " + r.fixed() + " fixed"));
        return r;
    }

    @Override
    public List<Finding> findings(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        runtime.expire();
        return runtime.store().findings();
    }

    @Override
    public Finding acceptRisk(Principal caller, long findingId, String reason, Instant until) {
        access.check(caller, SecOpsPermissions.ACCEPT_RISK);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required: why is the risk accepted?");
        }
        if (until == null || !until.isAfter(runtime.now())) {
            throw new InvalidInputException("until", "must be in the future");
        }
        Finding current = runtime.store().finding(findingId)
                .orElseThrow(() -> new InvalidInputException("finding", "no finding " + findingId));
        if (current.status() == FindingStatus.FIXED) {
            throw new InvalidInputException("finding", "finding " + findingId + " is fixed already");
        }
        Finding[] ba = runtime.store().setStatus(findingId, FindingStatus.ACCEPTED, reason.strip(), until,
                caller.name()).orElseThrow(() -> new InvalidInputException("finding", "no finding " + findingId));
        audit.append(new AuditEntry(caller, "secops.finding.accept", "secops-finding", Long.toString(findingId),
                "accepted the risk of " + ba[1].advisoryId() + " on " + ba[1].host() + " until " + until + ": "
                        + reason.strip(),
                ba[0].status().name(), ba[1].status().name() + " until " + until));
        return ba[1];
    }

    @Override
    public Finding reopen(Principal caller, long findingId) {
        access.check(caller, SecOpsPermissions.ACCEPT_RISK);
        Finding[] ba = runtime.store().setStatus(findingId, FindingStatus.OPEN, "", null, "")
                .orElseThrow(() -> new InvalidInputException("finding", "no finding " + findingId));
        audit.append(new AuditEntry(caller, "secops.finding.reopen", "secops-finding", Long.toString(findingId),
                "reopened " + ba[1].advisoryId() + " on " + ba[1].host(), ba[0].status().name(), "OPEN"));
        return ba[1];
    }

    @Override
    public PatchStatus checkPatches(Principal caller, String host) {
        access.check(caller, SecOpsPermissions.SCAN);
        PatchStatus s = scans.patches(scans.host(host));
        audit.append(AuditEntry.of(caller, "secops.scan.patches", "secops-host", host, "patch check of " + host
                + ": " + s.pending().size() + " pending, " + s.security() + " security, "
                + (s.compliant() ? "compliant" : "NOT compliant")
                + (s.error().isEmpty() ? "" : " (" + s.error() + ")")));
        return s;
    }

    @Override
    public List<PatchStatus> patchStatus(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.compliance().patchStatuses();
    }

    @Override
    public List<ComplianceDay> complianceTrend(Principal caller, int days) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.compliance().trend(Math.max(1, days), runtime.now());
    }

    @Override
    public PortAudit auditPorts(Principal caller, String host) {
        access.check(caller, SecOpsPermissions.SCAN);
        PortAudit a = scans.ports(scans.host(host));
        audit.append(AuditEntry.of(caller, "secops.scan.ports", "secops-host", host, "port audit of " + host + ": "
                + a.listening().size() + " listening, " + a.unapproved().size() + " unapproved, firewall "
                + a.firewall() + (a.ruleDrift().isEmpty() ? "" : ", " + a.ruleDrift().size() + " drifted rules")));
        return a;
    }

    @Override
    public List<PortAudit> portAudits(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.compliance().portAudits();
    }

    private static String scope(String scope) {
        if (scope == null || !(scope.startsWith("host:") || scope.startsWith("type:")) || scope.length() < 6) {
            throw new InvalidInputException("scope", "must be host:NAME or type:CI_TYPE, was '" + scope + "'");
        }
        return scope;
    }

    private static void port(String protocol, int port) {
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            throw new InvalidInputException("protocol", "must be tcp or udp, was '" + protocol + "'");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public void approvePort(Principal caller, String scope, String protocol, int port) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        scope(scope);
        port(protocol, port);
        boolean added = runtime.compliance().approve(scope, protocol, port, caller.name(), runtime.now());
        if (added) {
            audit.append(new AuditEntry(caller, "secops.port.approve", "secops-baseline", scope,
                    "approved " + protocol + "/" + port + " for " + scope, null, protocol + "/" + port));
            scans.reapprove();
        }
    }

    @Override
    public boolean revokePort(Principal caller, String scope, String protocol, int port) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        scope(scope);
        port(protocol, port);
        boolean removed = runtime.compliance().revoke(scope, protocol, port);
        if (removed) {
            audit.append(new AuditEntry(caller, "secops.port.revoke", "secops-baseline", scope,
                    "withdrew the approval of " + protocol + "/" + port + " for " + scope, protocol + "/" + port,
                    null));
            scans.reapprove();
        }
        return removed;
    }

    @Override
    public List<String> baselines(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.compliance().baselines();
    }

    @Override
    public void acceptRuleset(Principal caller, String host) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        var last = runtime.compliance().portAudit(host)
                .orElseThrow(() -> new InvalidInputException("host", "no port audit of '" + host + "' yet"));
        if (!last.getKey().firewallAvailable()) {
            throw new InvalidInputException("host", "the firewall ruleset of " + host + " is " + last.getKey()
                    .firewall());
        }
        Optional<String> before = runtime.compliance().acceptRuleset(host, last.getValue(), caller.name(),
                runtime.now());
        audit.append(new AuditEntry(caller, "secops.ruleset.accept", "secops-host", host,
                "accepted the firewall ruleset of " + host + " as seen at " + last.getKey().checked(),
                before.orElse(null), last.getValue()));
    }

    @Override
    public List<SecuritySignal> scanLogins(Principal caller, String host, Duration lookBack, String logFile) {
        access.check(caller, SecOpsPermissions.SCAN);
        if (lookBack == null || lookBack.isNegative() || lookBack.isZero()) {
            throw new InvalidInputException("lookBack", "must be positive");
        }
        List<SecuritySignal> s = scans.logins(scans.host(host), lookBack, logFile);
        audit.append(AuditEntry.of(caller, "secops.scan.logins", "secops-host", host,
                "failed-login scan of " + host + " over " + lookBack + ": " + s.size() + " new bursts"));
        return s;
    }

    @Override
    public List<SecuritySignal> signals(Principal caller, int limit) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.store().signals(Math.max(1, limit));
    }

    @Override
    public SecOpsSettings settings(Principal caller) {
        access.check(caller, SecOpsPermissions.READ);
        return runtime.store().settings();
    }

    @Override
    public void saveSettings(Principal caller, SecOpsSettings settings) {
        access.check(caller, SecOpsPermissions.CONFIGURE);
        if (settings == null) {
            throw new InvalidInputException("settings", "required");
        }
        SecOpsSettings before = runtime.store().saveSettings(settings);
        audit.append(new AuditEntry(caller, "secops.settings", "secops-settings", "settings",
                "changed the security operations settings", before.toString(), settings.toString()));
    }
}
