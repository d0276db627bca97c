package org.opsbench.security.ops.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.InvalidInputException;
import org.opsbench.security.ops.ListeningPort;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PortAudit;
import org.opsbench.security.ops.ScanResult;
import org.opsbench.security.ops.SecOpsSettings;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.security.ops.internal.collect.AuthLog;
import org.opsbench.security.ops.internal.collect.PackageOutput;
import org.opsbench.security.ops.internal.collect.PatchOutput;
import org.opsbench.security.ops.internal.collect.PortOutput;
import org.opsbench.security.ops.internal.store.SecOpsStore;

/** The scans: collect over SSH (or from CI facts), evaluate, store in one transaction, then post the events. */
final class Scans {

    private final SecOpsRuntime runtime;
    private final Remote remote;

    Scans(SecOpsRuntime runtime, Remote remote) {
        this.runtime = runtime;
        this.remote = remote;
    }

    ManagedHost host(String name) {
        return runtime.store().host(name)
                .orElseThrow(() -> new InvalidInputException("host", "no managed host '" + name + "'"));
    }

    /** The host's packages: over SSH, or from discovery facts of its CI when it has no address. */
    List<InstalledPackage> packages(ManagedHost h, ConfigurationItems cmdb) {
        if (!h.address().isBlank()) {
            return PackageOutput.parse(remote.run(h, PackageOutput.SCRIPT));
        }
        if (h.ciId().isBlank() || cmdb == null) {
            throw new InvalidInputException("address", "host " + h.name()
                    + " has neither an SSH address nor a configuration item with discovery facts");
        }
        CiRef ci = cmdb.resolve(h.ciId())
                .orElseThrow(() -> new InvalidInputException("ciId", "no configuration item '" + h.ciId() + "'"));
        List<InstalledPackage> pkgs = PackageOutput.fromFacts(cmdb.facts(ci));
        if (pkgs.isEmpty()) {
            throw new InvalidInputException("ciId", "discovery recorded no packages for " + ci.name());
        }
        return pkgs;
    }

    ScanResult match(ManagedHost h, List<InstalledPackage> installed) {
        var matches = runtime.index().match(installed);
        SecOpsStore.Applied applied = runtime.store().applyScan(h.name(), h.ciId(), installed.size(), matches,
                runtime.now());
        SecOpsSettings settings = runtime.store().settings();
        for (Finding f : applied.opened()) {
            if (f.risk().compareTo(settings.eventThreshold()) >= 0) {
                String summary = f.risk() + " " + f.advisoryId() + " " + String.join(",", f.aliases()) + " on "
                        + f.host() + ": " + f.packageName() + " " + f.installed()
                        + (f.fixed().isEmpty() ? " (no fix known)" : " (fixed in " + f.fixed() + ")");
                runtime.signal(f.host(), SecuritySignal.Kind.VULNERABILITY, runtime.now(), summary, 1,
                        "vuln:" + f.id() + ":" + f.lastSeen().toEpochMilli(), Topics.SECURITY_VULNERABILITY_FOUND,
                        f.risk().severity(), Map.of(EventProperties.CI_ID, f.ciId(), EventProperties.REFERENCE,
                                f.advisoryId()));
            }
        }
        return applied.result();
    }

    PatchStatus patches(ManagedHost h) {
        SecOpsSettings settings = runtime.store().settings();
        Duration max = Duration.ofDays(settings.maxPendingDays());
        try {
            PatchOutput.Collected c = PatchOutput.parse(remote.run(h, PatchOutput.SCRIPT));
            String error = c.manager().equals("none") ? "no supported package manager (apt or dnf)" : "";
            return runtime.compliance().savePatch(h.name(), c.manager(), c.pending(), c.lastUpdate(),
                    Boolean.TRUE.equals(c.rebootRequired()), error, runtime.now(), max);
        } catch (IllegalStateException e) {
            return runtime.compliance().savePatch(h.name(), "", List.of(), null, false, e.getMessage(),
                    runtime.now(), max);
        }
    }

    Set<String> approved(ManagedHost h) {
        Set<String> keys = new HashSet<>(runtime.compliance().baseline("host:" + h.name()));
        if (!h.ciType().isBlank()) {
            keys.addAll(runtime.compliance().baseline("type:" + h.ciType()));
        }
        return keys;
    }

    PortAudit ports(ManagedHost h) {
        PortOutput.Collected c = PortOutput.parse(remote.run(h, PortOutput.SCRIPT));
        Instant now = runtime.now();
        Set<String> ok = approved(h);
        List<ListeningPort> unapproved = c.ports().stream().filter(p -> !ok.contains(p.key())).toList();
        List<String> drift = List.of();
        if (c.firewallAvailable()) {
            Optional<String> accepted = runtime.compliance().acceptedRuleset(h.name());
            drift = accepted.map(a -> PortOutput.drift(a, c.ruleset())).orElse(List.of());
        }
        Optional<PortAudit> before = runtime.compliance().portAudit(h.name()).map(Map.Entry::getKey);
        PortAudit audit = new PortAudit(h.name(), now, c.source(), c.ports(), unapproved, c.firewall(),
                c.firewallAvailable(), drift);
        runtime.compliance().savePortAudit(audit, c.ruleset());
        Set<String> known = new HashSet<>();
        before.ifPresent(b -> b.unapproved().forEach(p -> known.add(p.key())));
        Set<String> posted = new HashSet<>();
        for (ListeningPort p : unapproved) {
            if (!known.contains(p.key()) && posted.add(p.key())) {
                runtime.signal(h.name(), SecuritySignal.Kind.UNAPPROVED_PORT, now,
                        "unapproved " + p.key() + " listening on " + h.name() + " (" + p.address() + ")", 1,
                        "port:" + h.name() + ":" + p.key() + ":" + now.toEpochMilli(), Topics.SECURITY_PORT_UNAPPROVED,
                        Severity.MAJOR, Map.of(EventProperties.PORT, p.port(), EventProperties.CI_ID, h.ciId()));
            }
        }
        if (!drift.isEmpty() && !before.map(b -> b.ruleDrift().equals(audit.ruleDrift())).orElse(false)) {
            runtime.signal(h.name(), SecuritySignal.Kind.RULE_DRIFT, now,
                    "firewall ruleset of " + h.name() + " differs from the accepted one: " + drift.size()
                            + " rule lines changed",
                    drift.size(), "drift:" + h.name() + ":" + now.toEpochMilli(), Topics.SECURITY_RULE_DRIFT,
                    Severity.MAJOR, Map.of(EventProperties.CI_ID, h.ciId()));
        }
        return audit;
    }

    /** Recomputes the stored audits' unapproved ports after a baseline change (no SSH). */
    void reapprove() {
        for (PortAudit a : runtime.compliance().portAudits()) {
            Optional<ManagedHost> h = runtime.store().host(a.host());
            if (h.isEmpty()) {
                continue;
            }
            Set<String> ok = approved(h.get());
            var entry = runtime.compliance().portAudit(a.host()).orElseThrow();
            runtime.compliance().savePortAudit(new PortAudit(a.host(), a.checked(), a.source(), a.listening(),
                    a.listening().stream().filter(p -> !ok.contains(p.key())).toList(), a.firewall(),
                    a.firewallAvailable(), a.ruleDrift()), entry.getValue());
        }
    }

    List<SecuritySignal> logins(ManagedHost h, Duration lookBack, String logFile) {
        Instant now = runtime.now();
        Instant since = now.minus(lookBack);
        String script = "echo \"@@tz $(date +%z)\"; "
                + (logFile == null || logFile.isBlank()
                        ? AuthLog.script(since)
                        : "cat " + quote(logFile));
        String out = remote.run(h, script);
        ZoneId zone = ZoneOffset.UTC;
        String body = out;
        if (out.startsWith("@@tz ")) {
            int nl = out.indexOf('\n');
            String tz = out.substring(5, nl < 0 ? out.length() : nl).strip();
            try {
                zone = ZoneOffset.of(tz);
            } catch (java.time.DateTimeException e) {
                zone = ZoneOffset.UTC;
            }
            body = nl < 0 ? "" : out.substring(nl + 1);
        }
        SecOpsSettings s = runtime.store().settings();
        var failures = AuthLog.failures(body, now.atZone(zone).getYear(), zone, since);
        List<SecuritySignal> out2 = new ArrayList<>();
        for (AuthLog.Burst b : AuthLog.bursts(failures, s.failedLoginThreshold(),
                Duration.ofMinutes(s.failedLoginWindowMinutes()))) {
            String summary = b.count() + " failed SSH logins on " + h.name() + " within "
                    + s.failedLoginWindowMinutes() + " min from " + String.join(", ", b.sources());
            runtime.signal(h.name(), SecuritySignal.Kind.FAILED_LOGIN_BURST, b.to(), summary, b.count(),
                    "burst:" + h.name() + ":" + b.from().toEpochMilli(), Topics.SECURITY_LOGIN_BURST,
                    Severity.MAJOR, Map.of(EventProperties.CI_ID, h.ciId())).ifPresent(out2::add);
        }
        return out2;
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
