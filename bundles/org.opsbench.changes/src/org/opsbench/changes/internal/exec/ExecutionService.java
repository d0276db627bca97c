package org.opsbench.changes.internal.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.ChangePermissions;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.Changes;
import org.opsbench.changes.ExecutionMonitor;
import org.opsbench.changes.ExecutionReport;
import org.opsbench.changes.HostAccess;
import org.opsbench.changes.StepRun;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.OutputListener;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ChangeExecution}: every step on every item's host in order, stopping at the first failure; each run stored
 * (its own transaction, so the log survives whatever comes after); the workflow moves through {@link Changes}, which
 * posts the change window's events. A step runs on a worker thread so that a cancellation interrupts it (the SSH
 * service then signals the remote command and closes its channel).
 */
@Component(service = ChangeExecution.class)
public final class ExecutionService implements ChangeExecution {

    private final ChangesRuntime runtime;
    private final Changes changes;
    private final HostTargets targets;
    private final RemoteShell shell;
    private final AccessControl access;
    private final AuditLog audit;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "opsbench-changes-step");
        t.setDaemon(true);
        return t;
    });

    /** With the workflow service, the SSH service and the security core. */
    @Activate
    public ExecutionService(@Reference ChangesRuntime runtime, @Reference Changes changes,
            @Reference HostTargets targets, @Reference RemoteShell shell, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.changes = changes;
        this.targets = targets;
        this.shell = shell;
        this.access = access;
        this.audit = audit;
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    @Override
    public ExecutionReport execute(Principal caller, String reference, ExecutionMonitor monitor) {
        access.check(caller, ChangePermissions.EXECUTE);
        ChangeRequest c = existing(caller, reference);
        if (c.state() != ChangeState.SCHEDULED) {
            throw new IllegalStateException(reference + " is " + c.state() + ": only a SCHEDULED change is executed");
        }
        Map<CiRef, SshTarget> hosts = resolve(c);
        changes.transition(caller, reference, ChangeState.IMPLEMENTING, "execution started");
        List<StepRun> runs = run(reference, StepRun.Phase.IMPLEMENT, c.draft().steps(), hosts, monitor);
        ExecutionReport report = end(caller, reference, StepRun.Phase.IMPLEMENT, runs);
        ChangeState end = report.succeeded() ? ChangeState.IMPLEMENTED : ChangeState.FAILED;
        ChangeRequest after = changes.transition(caller, reference, end, outcome(runs));
        return new ExecutionReport(reference, StepRun.Phase.IMPLEMENT, after.state(), runs);
    }

    @Override
    public ExecutionReport rollback(Principal caller, String reference, ExecutionMonitor monitor) {
        access.check(caller, ChangePermissions.EXECUTE);
        ChangeRequest c = existing(caller, reference);
        if (c.state() != ChangeState.FAILED) {
            throw new IllegalStateException(reference + " is " + c.state() + ": only a FAILED change is rolled back");
        }
        if (c.draft().rollbackSteps().isEmpty()) {
            throw new IllegalStateException(reference + " has no rollback steps");
        }
        Map<CiRef, SshTarget> hosts = resolve(c);
        runtime.post(Topics.CHANGES_STARTED, caller, started(c));
        List<StepRun> runs = run(reference, StepRun.Phase.ROLLBACK, c.draft().rollbackSteps(), hosts, monitor);
        ExecutionReport report = end(caller, reference, StepRun.Phase.ROLLBACK, runs);
        ChangeRequest after = report.succeeded()
                ? changes.transition(caller, reference, ChangeState.ROLLED_BACK, "rolled back: " + outcome(runs))
                : existing(caller, reference);
        runtime.post(Topics.CHANGES_ENDED, caller, ended(after));
        return new ExecutionReport(reference, StepRun.Phase.ROLLBACK, after.state(), runs);
    }

    private Map<String, Object> started(ChangeRequest c) {
        Map<String, Object> p = items(c);
        p.put(EventProperties.SUMMARY, c.reference() + " rolling back: " + c.title());
        long end = Math.max(System.currentTimeMillis() + 3600_000L,
                c.draft().plannedEnd() == null ? 0 : c.draft().plannedEnd().toEpochMilli());
        p.put(EventProperties.WINDOW_END, end);
        return p;
    }

    private Map<String, Object> ended(ChangeRequest c) {
        Map<String, Object> p = items(c);
        p.put(EventProperties.NEW_STATE, c.state().name());
        p.put(EventProperties.SUMMARY, c.reference() + " " + c.state() + ": " + c.title());
        return p;
    }

    private static Map<String, Object> items(ChangeRequest c) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put(EventProperties.REFERENCE, c.reference());
        p.put(EventProperties.CI_IDS, c.draft().items().stream().map(CiRef::id).toArray(String[]::new));
        p.put(EventProperties.CI_NAMES, c.draft().items().stream().map(CiRef::name).toArray(String[]::new));
        return p;
    }

    private ExecutionReport end(Principal caller, String reference, StepRun.Phase phase, List<StepRun> runs) {
        ExecutionReport report = new ExecutionReport(reference, phase, null, runs);
        audit.append(new AuditEntry(caller,
                phase == StepRun.Phase.IMPLEMENT ? "changes.change.execute" : "changes.change.rollback", "change",
                reference, reference + " " + phase.name().toLowerCase() + ": " + outcome(runs), null,
                runs.stream().map(r -> r.step() + "@" + r.host() + "=" + r.status()).toList().toString()));
        return report;
    }

    private static String outcome(List<StepRun> runs) {
        for (StepRun r : runs) {
            if (r.status() != StepRun.Status.SUCCEEDED) {
                return "step " + r.step() + " " + r.status().name().toLowerCase() + " on " + r.host()
                        + (r.exitCode() >= 0 ? " (exit code " + r.exitCode() + ")" : "");
            }
        }
        return runs.size() + " step run" + (runs.size() == 1 ? "" : "s") + " succeeded";
    }

    private Map<CiRef, SshTarget> resolve(ChangeRequest c) {
        Map<CiRef, SshTarget> hosts = new LinkedHashMap<>();
        for (CiRef item : c.draft().items()) {
            hosts.put(item, targets.target(item));
        }
        return hosts;
    }

    private List<StepRun> run(String reference, StepRun.Phase phase, List<String> steps, Map<CiRef, SshTarget> hosts,
            ExecutionMonitor monitor) {
        Duration timeout = Duration.ofSeconds(Math.max(1, runtime.config().stepTimeoutSeconds()));
        List<StepRun> runs = new ArrayList<>();
        int total = steps.size() * hosts.size();
        int done = 0;
        try {
            for (int s = 0; s < steps.size(); s++) {
                for (Map.Entry<CiRef, SshTarget> h : hosts.entrySet()) {
                    String command = steps.get(s);
                    String host = h.getKey().name().isBlank() ? h.getKey().id() : h.getKey().name();
                    Instant started = now();
                    StepRun run;
                    if (monitor.isCancelled()) {
                        run = new StepRun(phase, s + 1, host, command, StepRun.Status.CANCELLED, -1,
                                "cancelled before it started", started, started);
                    } else {
                        monitor.starting(phase, ++done, total, host, command);
                        run = runOne(phase, s + 1, host, h.getValue(), command, timeout, monitor, started);
                    }
                    runtime.changes().addRun(reference, run);
                    runs.add(run);
                    monitor.ended(run);
                    if (run.status() != StepRun.Status.SUCCEEDED) {
                        return runs;
                    }
                }
            }
            return runs;
        } finally {
            hosts.values().forEach(t -> wipe(t.credential()));
        }
    }

    private StepRun runOne(StepRun.Phase phase, int step, String host, SshTarget target, String command,
            Duration timeout, ExecutionMonitor monitor, Instant started) {
        OutputListener listener = new OutputListener() {
            @Override
            public void stdout(String chunk) {
                monitor.output(chunk);
            }

            @Override
            public void stderr(String chunk) {
                monitor.output(chunk);
            }
        };
        Future<ExecResult> running = workers.submit(() -> shell.exec(target, command, timeout, listener));
        ExecResult result;
        try {
            while (true) {
                try {
                    result = running.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (monitor.isCancelled()) {
                        running.cancel(true);
                        Instant now = now();
                        return new StepRun(phase, step, host, command, StepRun.Status.CANCELLED, -1,
                                "cancelled while it ran: the remote command was signalled", started, now);
                    }
                }
            }
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return new StepRun(phase, step, host, command, StepRun.Status.CANCELLED, -1, "interrupted", started,
                    now());
        } catch (ExecutionException e) {
            return new StepRun(phase, step, host, command, StepRun.Status.FAILED, -1,
                    "could not run: " + e.getCause().getMessage(), started, now());
        }
        Instant ended = now();
        return switch (result) {
            case ExecResult.Completed done -> new StepRun(phase, step, host, command,
                    done.exitCode() == 0 ? StepRun.Status.SUCCEEDED : StepRun.Status.FAILED, done.exitCode(),
                    done.stdout() + (done.stderr().isEmpty() ? "" : "[stderr]\n" + done.stderr()), started, ended);
            case ExecResult.Failed failed -> new StepRun(phase, step, host, command, StepRun.Status.FAILED, -1,
                    "did not run: " + failed.failure().reason(), started, ended);
        };
    }

    private static void wipe(Credential c) {
        if (c instanceof Credential.Password p) {
            java.util.Arrays.fill(p.password(), '\0');
        } else if (c instanceof Credential.PrivateKey k) {
            java.util.Arrays.fill(k.keyText(), (byte) 0);
        }
    }

    // stored in milliseconds: what is returned is what is stored
    private Instant now() {
        return runtime.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Override
    public List<StepRun> runs(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        return runtime.changes().runs(reference);
    }

    @Override
    public void saveAccess(Principal caller, HostAccess hostAccess) {
        access.check(caller, ChangePermissions.WRITE);
        Optional<HostAccess> before = runtime.changes().saveAccess(hostAccess);
        audit.append(new AuditEntry(caller, "changes.access.save", "change-access", hostAccess.ciId(),
                "SSH access of " + hostAccess.ciId() + ": " + hostAccess.user() + "@" + hostAccess.host() + ":"
                        + hostAccess.port(),
                before.map(Object::toString).orElse(null), hostAccess.toString()));
    }

    @Override
    public Optional<HostAccess> access(Principal caller, String ciId) {
        access.check(caller, ChangePermissions.READ);
        return targets.access(ciId);
    }

    private ChangeRequest existing(Principal caller, String reference) {
        return changes.find(caller, reference)
                .orElseThrow(() -> new IllegalArgumentException("no change " + reference));
    }
}
