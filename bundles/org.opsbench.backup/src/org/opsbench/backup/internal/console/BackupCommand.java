package org.opsbench.backup.internal.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.backup.Backup;
import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.VerifyResult;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The backup console (scope {@code backup}): {@code jobs}, {@code runs}, {@code run}, {@code cancel}, {@code verify},
 * {@code restore}, {@code drill}, {@code status}, {@code prune}, {@code restore-database}. Each acts as the principal
 * of {@code opsbench:login} through the {@link Backup} service, which checks the permission and audits. An error is one
 * line, {@code error: ...}.
 */
@Component(service = BackupCommand.class, property = {"osgi.command.scope=backup", "osgi.command.function=jobs",
        "osgi.command.function=runs", "osgi.command.function=run", "osgi.command.function=cancel",
        "osgi.command.function=verify", "osgi.command.function=restore", "osgi.command.function=drill",
        "osgi.command.function=status", "osgi.command.function=prune", "osgi.command.function=restore-database"})
public final class BackupCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> FUNCTIONS = List.of("jobs", "runs", "run", "cancel", "verify", "restore",
            "drill", "status", "prune", "restore-database");

    private final Backup backup;

    /** On the backup service. */
    @Activate
    public BackupCommand(@Reference Backup backup) {
        this.backup = backup;
    }

    /** Called by Gogo with the function's name first. */
    public Object _main(CommandSession session, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String function = "jobs";
        if (!all.isEmpty()) {
            String first = all.get(0).startsWith("backup:") ? all.get(0).substring(7) : all.get(0);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
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

    private static long runId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RUN: a run number, was '" + text + "'");
        }
    }

    private Object run(Principal caller, String function, List<String> args) throws InterruptedException {
        return switch (function) {
            case "jobs" -> jobs(caller);
            case "runs" -> runs(caller, args.isEmpty() ? null : args.get(0));
            case "run" -> {
                String job = arg(args, 0, "run JOB [-n] (-n: do not wait)");
                long id = backup.startRun(caller, job);
                if (args.contains("-n")) {
                    yield "started run " + id + " of " + job;
                }
                RunRecord r = backup.awaitRun(caller, id, Duration.ofHours(12));
                yield describe(r);
            }
            case "cancel" -> backup.cancelRun(caller, runId(arg(args, 0, "cancel RUN")))
                    ? "cancelled run " + args.get(0)
                    : "run " + args.get(0) + " is not running";
            case "verify" -> {
                VerifyResult v = backup.verify(caller, runId(arg(args, 0, "verify RUN")));
                yield (v.passed() ? "PASSED" : "FAILED") + ": run " + v.runId() + ": " + v.message() + " ("
                        + v.duration().toMillis() + " ms)";
            }
            case "restore" -> restore(caller, args);
            case "drill" -> {
                DrillRecord d = backup.drill(caller, arg(args, 0, "drill JOB"));
                yield (d.passed() ? "PASSED" : "FAILED") + ": drill " + d.id() + " of " + d.job() + " (run "
                        + d.runId() + ") in " + d.duration().toMillis() + " ms\n" + d.message();
            }
            case "status" -> status(caller);
            case "prune" -> {
                List<String> deleted = backup.prune(caller, arg(args, 0, "prune JOB"));
                yield deleted.isEmpty()
                        ? "nothing to prune"
                        : "pruned " + deleted.size() + ":\n  "
                                + String.join("\n  ", deleted);
            }
            case "restore-database" -> backup.restoreDatabase(caller,
                    runId(arg(args, 0, "restore-database RUN FOLDER")),
                    Path.of(arg(args, 1, "restore-database RUN FOLDER"))).strip();
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }

    private String restore(Principal caller, List<String> args) {
        String usage = "restore RUN [-d DEST] [-h HOST] [-P PORT] [-u USER] [-c CREDENTIAL] [PATH...]";
        long id = runId(arg(args, 0, usage));
        String dest = "";
        String host = "";
        String user = "";
        String cred = "";
        int port = 0;
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-d" -> dest = arg(args, ++i, usage);
                case "-h" -> host = arg(args, ++i, usage);
                case "-u" -> user = arg(args, ++i, usage);
                case "-c" -> cred = arg(args, ++i, usage);
                case "-P" -> port = Integer.parseInt(arg(args, ++i, usage));
                default -> paths.add(a);
            }
        }
        return backup.restore(caller, new RestoreRequest(id, host, port, user, cred, dest, paths)).strip();
    }

    private String jobs(Principal caller) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-8s %-10s %-18s %-8s %s%n", "JOB", "SOURCE",
                "TARGET", "SCHEDULE", "ENABLED", "LAST RUN"));
        for (JobDefinition j : backup.jobs(caller)) {
            String last = backup.runs(caller, j.name(), 1).stream().findFirst()
                    .map(r -> r.outcome() + " " + time(r.started())).orElse("-");
            out.append(String.format("%-24s %-8s %-10s %-18s %-8s %s%n", j.name(), j.source(), j.target(),
                    j.schedule().isEmpty() ? "(on demand)" : j.schedule(), j.enabled() ? "yes" : "no", last));
        }
        return out.toString().stripTrailing();
    }

    private String runs(Principal caller, String job) {
        StringBuilder out = new StringBuilder(String.format("%-6s %-20s %-10s %-21s %12s %7s %s%n", "RUN", "JOB",
                "OUTCOME", "STARTED", "BYTES", "FILES", "ARCHIVE"));
        for (RunRecord r : backup.runs(caller, job, 50)) {
            out.append(String.format("%-6d %-20s %-10s %-21s %12d %7d %s%s%n", r.id(), r.job(), r.outcome(),
                    time(r.started()), r.bytes(), r.files(), r.archive(), r.pruned() ? " (pruned)" : ""));
        }
        return out.toString().stripTrailing();
    }

    private String status(Principal caller) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-20s %-10s %-10s %-10s %s%n", "CI", "JOB",
                "STATE", "RPO", "RTO", "LAST GOOD BACKUP"));
        for (ObjectiveStatus s : backup.status(caller)) {
            out.append(String.format("%-24s %-20s %-10s %-10s %-10s %s%n", s.objective().ci().name(),
                    s.objective().job(), s.state(), s.rpoState(), s.rtoState(),
                    s.lastGoodBackup() == null ? "none" : time(s.lastGoodBackup())));
        }
        return out.toString().stripTrailing();
    }

    static String describe(RunRecord r) {
        return "run " + r.id() + " of " + r.job() + ": " + r.outcome() + "\n  archive  " + r.archive()
                + "\n  bytes    " + r.bytes() + " stored, " + r.sourceBytes() + " read\n  files    " + r.files()
                + "\n  sha256   " + (r.sha256().isEmpty() ? "-" : r.sha256()) + "\n  started  " + time(r.started())
                + "\n  ended    " + time(r.ended()) + "\n  log\n    "
                + r.log().strip().replace("\n", "\n    ");
    }

    private static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }
}
