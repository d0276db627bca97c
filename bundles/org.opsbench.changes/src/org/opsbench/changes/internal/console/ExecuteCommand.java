package org.opsbench.changes.internal.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.ExecutionMonitor;
import org.opsbench.changes.ExecutionReport;
import org.opsbench.changes.HostAccess;
import org.opsbench.changes.StepRun;
import org.opsbench.core.Principal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Implementation on the console: {@code execute REF}, {@code rollback REF}, {@code runs REF} (the stored step log),
 * {@code access CI host=H [port=22] user=U credential=ALIAS} and {@code access CI} (show).
 */
@Component(service = ChangesCommand.class, property = {ChangesCommand.SCOPE, "osgi.command.function=execute",
        "osgi.command.function=rollback", "osgi.command.function=runs", "osgi.command.function=access"})
public final class ExecuteCommand extends ChangesCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("execute", "rollback", "runs", "access"));

    private final ChangeExecution execution;

    @Activate
    public ExecuteCommand(@Reference ChangeExecution execution) {
        this.execution = execution;
    }

    @Override
    Set<String> functions() {
        return FUNCTIONS;
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal me = principal(session);
        return switch (function) {
            case "execute" -> report(execution.execute(me, arg(args, 0, "execute REF"), ExecutionMonitor.NONE));
            case "rollback" -> report(execution.rollback(me, arg(args, 0, "rollback REF"), ExecutionMonitor.NONE));
            case "runs" -> runs(execution.runs(me, arg(args, 0, "runs REF")));
            default -> access(me, args);
        };
    }

    private static String report(ExecutionReport r) {
        StringBuilder b = new StringBuilder(r.reference() + " " + r.phase().name().toLowerCase() + ": " + r.state());
        for (StepRun s : r.runs()) {
            b.append("\n  ").append(s.step()).append(" ").append(s.host()).append(" ").append(s.status())
                    .append(s.exitCode() >= 0 ? " (exit " + s.exitCode() + ")" : "").append("  ").append(s.command());
            if (s.status() != StepRun.Status.SUCCEEDED && !s.output().isBlank()) {
                s.output().strip().lines().limit(10).forEach(l -> b.append("\n      ").append(l));
            }
        }
        return b.toString();
    }

    private static String runs(List<StepRun> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"PHASE", "STEP", "HOST", "STATUS", "EXIT", "STARTED", "COMMAND"});
        for (StepRun s : runs) {
            rows.add(new String[]{s.phase().name(), Integer.toString(s.step()), s.host(), s.status().name(),
                    Integer.toString(s.exitCode()), s.started().toString(), s.command()});
        }
        return table(rows);
    }

    private String access(Principal me, List<String> args) {
        String usage = "access CI [host=H port=22 user=U credential=ALIAS]";
        String ci = arg(args, 0, usage);
        if (args.size() == 1) {
            return execution.access(me, ci).map(a -> ci + ": " + a.user() + "@" + a.host() + ":" + a.port()
                    + " with " + a.credentialAlias()).orElse(ci + ": no SSH access defined");
        }
        Map<String, List<String>> s = settings(args, 1, Set.of("host", "port", "user", "credential"));
        int port;
        try {
            port = Integer.parseInt(one(s, "port", "22"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port: a number, was '" + one(s, "port", "") + "'");
        }
        HostAccess a = new HostAccess(ci, one(s, "host", null), port, one(s, "user", null),
                one(s, "credential", null));
        execution.saveAccess(me, a);
        return ci + ": " + a.user() + "@" + a.host() + ":" + a.port() + " with " + a.credentialAlias();
    }
}
