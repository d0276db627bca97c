package org.opsbench.security.ops.internal.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.security.ops.ComplianceDay;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.ImportResult;
import org.opsbench.security.ops.ListeningPort;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PortAudit;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.ScanResult;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.security.ops.SecuritySignal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The security operations console (scope {@code secops}): {@code hosts}, {@code host}, {@code import}, {@code scan},
 * {@code findings}, {@code accept}, {@code ports}, {@code approve}, {@code compliance}, {@code signals}. Each acts as
 * the principal of {@code opsbench:login} through {@link SecurityOperations}, which checks the permission and audits.
 * An error is one line, {@code error: ...}.
 */
@Component(service = SecOpsCommand.class, property = {"osgi.command.scope=secops", "osgi.command.function=hosts",
        "osgi.command.function=host", "osgi.command.function=import", "osgi.command.function=scan",
        "osgi.command.function=findings", "osgi.command.function=accept", "osgi.command.function=ports",
        "osgi.command.function=approve", "osgi.command.function=compliance", "osgi.command.function=signals"})
public final class SecOpsCommand {

    private static final List<String> FUNCTIONS = List.of("hosts", "host", "import", "scan", "findings", "accept",
            "ports", "approve", "compliance", "signals");

    private final SecurityOperations ops;

    /** On the service. */
    @Activate
    public SecOpsCommand(@Reference SecurityOperations ops) {
        this.ops = ops;
    }

    /** Called by Gogo with the function's name first. */
    public Object _main(CommandSession session, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String function = "findings";
        if (!all.isEmpty()) {
            String first = all.get(0).startsWith("secops:") ? all.get(0).substring(7) : all.get(0);
            if (FUNCTIONS.contains(first)) {
                function = first;
                all.remove(0);
            }
        }
        try {
            return run(principal(session), function, all);
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException
                | java.io.UncheckedIOException e) {
            return "error: " + e.getMessage();
        }
    }

    private static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    private static String arg(List<String> args, int i, String usage) {
        if (args.size() <= i) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(i);
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a number, was '" + text + "'");
        }
    }

    private Object run(Principal caller, String function, List<String> args) {
        return switch (function) {
            case "hosts" -> hosts(caller);
            case "host" -> {
                String usage = "host NAME ADDRESS PORT USER CREDENTIAL_ALIAS [CI_ID [CI_TYPE]]";
                ops.saveHost(caller, new ManagedHost(arg(args, 0, usage), arg(args, 1, usage),
                        number(arg(args, 2, usage), "PORT"), arg(args, 3, usage), arg(args, 4, usage),
                        args.size() > 5 ? args.get(5) : "", args.size() > 6 ? args.get(6) : ""));
                yield "saved host " + args.get(0);
            }
            case "import" -> {
                ImportResult r = ops.importAdvisories(caller, Path.of(arg(args, 0, "import FILE|FOLDER|ZIP")));
                yield "imported " + r.advisories() + " advisories (" + r.packages() + " affected packages); "
                        + ops.advisoryCount(caller) + " stored";
            }
            case "scan" -> scan(caller, args);
            case "findings" -> findings(caller, args);
            case "accept" -> {
                String usage = "accept FINDING YYYY-MM-DD REASON...";
                long id = number(arg(args, 0, usage), "FINDING");
                Instant until;
                try {
                    until = LocalDate.parse(arg(args, 1, usage)).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("UNTIL: a date YYYY-MM-DD, was '" + args.get(1) + "'");
                }
                String reason = String.join(" ", args.subList(Math.min(2, args.size()), args.size()));
                Finding f = ops.acceptRisk(caller, id, reason, until);
                yield "accepted " + f.advisoryId() + " on " + f.host() + " until " + f.acceptedUntil();
            }
            case "ports" -> ports(caller);
            case "approve" -> {
                String usage = "approve host:NAME|type:CI_TYPE tcp|udp PORT";
                ops.approvePort(caller, arg(args, 0, usage), arg(args, 1, usage), number(arg(args, 2, usage),
                        "PORT"));
                yield "approved " + args.get(1) + "/" + args.get(2) + " for " + args.get(0);
            }
            case "compliance" -> compliance(caller);
            case "signals" -> signals(caller);
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }

    private String hosts(Principal caller) {
        StringBuilder b = new StringBuilder(String.format("%-20s %-24s %-12s %s%n", "HOST", "ADDRESS", "USER", "CI"));
        for (ManagedHost h : ops.hosts(caller)) {
            b.append(String.format("%-20s %-24s %-12s %s%n", h.name(), h.address() + ":" + h.port(), h.user(),
                    h.ciId()));
        }
        return b.toString().stripTrailing();
    }

    private String scan(Principal caller, List<String> args) {
        String usage = "scan packages|patches|ports|logins HOST [MINUTES|LOGFILE...]";
        String what = arg(args, 0, usage);
        String host = arg(args, 1, usage);
        return switch (what) {
            case "packages" -> {
                ScanResult r = ops.scanPackages(caller, host);
                yield host + ": " + r.packages() + " packages, " + r.opened() + " new findings, " + r.present()
                        + " still present, " + r.fixed() + " fixed";
            }
            case "patches" -> {
                PatchStatus s = ops.checkPatches(caller, host);
                yield patchLine(s);
            }
            case "ports" -> portLines(ops.auditPorts(caller, host));
            case "logins" -> {
                int minutes = args.size() > 2 ? number(args.get(2), "MINUTES") : 60;
                String file = args.size() > 3 ? args.get(3) : "";
                List<SecuritySignal> s = ops.scanLogins(caller, host, Duration.ofMinutes(minutes), file);
                yield s.isEmpty()
                        ? host + ": no failed-login burst"
                        : String.join("\n",
                                s.stream().map(SecuritySignal::summary).toList());
            }
            default -> throw new IllegalArgumentException("usage: " + usage);
        };
    }

    private String findings(Principal caller, List<String> args) {
        RiskLevel min = RiskLevel.NONE;
        String host = null;
        String text = null;
        boolean all = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-s" -> min = RiskLevel.parse(arg(args, ++i, "findings [-s SEVERITY] [-h HOST] [-a] [TEXT]"),
                        "SEVERITY");
                case "-h" -> host = arg(args, ++i, "findings [-s SEVERITY] [-h HOST] [-a] [TEXT]");
                case "-a" -> all = true;
                default -> text = args.get(i).toLowerCase(Locale.ROOT);
            }
        }
        StringBuilder b = new StringBuilder(String.format("%-6s %-9s %-16s %-22s %-20s %-20s %-18s %s%n", "ID",
                "SEVERITY", "HOST", "PACKAGE", "INSTALLED", "FIXED", "ADVISORY", "STATUS"));
        for (Finding f : ops.findings(caller)) {
            if (f.risk().compareTo(min) < 0 || (host != null && !f.host().equals(host))
                    || (!all && f.status() == org.opsbench.security.ops.FindingStatus.FIXED)) {
                continue;
            }
            String ids = (f.advisoryId() + " " + String.join(" ", f.aliases())).toLowerCase(Locale.ROOT);
            if (text != null && !ids.contains(text) && !f.packageName().contains(text)) {
                continue;
            }
            b.append(String.format("%-6d %-9s %-16s %-22s %-20s %-20s %-18s %s%n", f.id(), f.risk(), f.host(),
                    f.packageName(), f.installed(), f.fixed().isEmpty() ? "-" : f.fixed(), f.advisoryId(),
                    f.status() + (f.acceptedUntil() != null
                            && f.status() == org.opsbench.security.ops.FindingStatus.ACCEPTED
                                    ? " until " + f.acceptedUntil()
                                    : "")));
        }
        return b.toString().stripTrailing();
    }

    private String ports(Principal caller) {
        StringBuilder b = new StringBuilder();
        for (PortAudit a : ops.portAudits(caller)) {
            b.append(portLines(a)).append('\n');
        }
        b.append("approved: ").append(String.join(", ", ops.baselines(caller)));
        return b.toString();
    }

    private static String portLines(PortAudit a) {
        StringBuilder b = new StringBuilder(a.host() + ": " + a.listening().size() + " listening (" + a.source()
                + "), unapproved: ");
        b.append(a.unapproved().isEmpty()
                ? "none"
                : String.join(", ", a.unapproved().stream().map(ListeningPort::key).distinct().toList()));
        b.append("; firewall: ").append(a.firewall());
        if (!a.ruleDrift().isEmpty()) {
            b.append("; drift:\n  ").append(String.join("\n  ", a.ruleDrift()));
        }
        return b.toString();
    }

    private static String patchLine(PatchStatus s) {
        return String.format("%-16s %-4s %3d pending %3d security  reboot %-3s  %s%s", s.host(), s.manager(),
                s.pending().size(), s.security(), s.rebootRequired() ? "yes" : "no",
                s.compliant() ? "COMPLIANT" : "NOT COMPLIANT",
                s.error().isEmpty() ? "" : " (" + s.error() + ")");
    }

    private String compliance(Principal caller) {
        StringBuilder b = new StringBuilder();
        for (PatchStatus s : ops.patchStatus(caller)) {
            b.append(patchLine(s)).append('\n');
        }
        b.append("trend:");
        for (ComplianceDay d : ops.complianceTrend(caller, 30)) {
            b.append(String.format(" %s %.0f%%", d.day(), d.percent()));
        }
        return b.toString();
    }

    private String signals(Principal caller) {
        StringBuilder b = new StringBuilder();
        for (SecuritySignal s : ops.signals(caller, 50)) {
            b.append(s.at()).append("  ").append(String.format("%-18s", s.kind())).append(' ').append(s.summary())
                    .append('\n');
        }
        return b.length() == 0 ? "no signals" : b.toString().stripTrailing();
    }
}
