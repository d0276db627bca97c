package org.opsbench.monitoring.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.MessageLine;

/**
 * What operators do to hosts and checks, from the status board and the detail view: run now, acknowledge, remove an
 * acknowledgement, schedule a downtime. Each runs as a user Job with progress (one step per host or check), and says in
 * the message line what came of it; refusals ("not allowed: ...") are reported, never thrown.
 */
final class Actions {

    /** How long one "run now" waits for its result. */
    static final Duration RUN_WAIT = Duration.ofSeconds(30);
    /** Checks run at once by a bulk "run now". */
    static final int PARALLEL = 8;
    static final List<String> DOWNTIME_LENGTHS = List.of("30m", "1h", "2h", "4h", "8h", "1d", "2d", "7d");

    private final UISynchronize ui;
    private final Supplier<Principal> principal;
    private final Supplier<Monitoring> monitoring;
    private final MessageLine message;
    private final Runnable refresh;

    Actions(UISynchronize ui, Supplier<Principal> principal, Supplier<Monitoring> monitoring, MessageLine message,
            Runnable refresh) {
        this.ui = ui;
        this.principal = principal;
        this.monitoring = monitoring;
        this.message = message;
        this.refresh = refresh;
    }

    private record Outcome(CheckKey key, CheckStatus status, String error) {
    }

    /** Runs {@code keys} now, {@value #PARALLEL} at a time, as one Job with a step per check. */
    Job runNow(List<CheckKey> keys) {
        Monitoring m = monitoring.get();
        if (m == null || keys.isEmpty()) {
            message.error(m == null ? "The monitoring service is not running." : "Select the checks to run.");
            return null;
        }
        Principal p = principal.get();
        String name = keys.size() == 1 ? "Run " + keys.get(0) + " now" : "Run " + keys.size() + " checks now";
        message.info(name + " …");
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, name, keys.size());
                Map<BoardState, Integer> states = new EnumMap<>(BoardState.class);
                List<String> failures = new ArrayList<>();
                int done = 0;
                try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, keys.size()),
                        Thread.ofVirtual().name("opsbench-run-now-", 0).factory())) {
                    CompletionService<Outcome> results = new ExecutorCompletionService<>(pool);
                    for (CheckKey key : keys) {
                        results.submit(() -> {
                            try {
                                return new Outcome(key, m.runNow(p, key, RUN_WAIT), null);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return new Outcome(key, null, "cancelled");
                            } catch (RuntimeException e) {
                                return new Outcome(key, null, Background.message(e));
                            }
                        });
                    }
                    while (done < keys.size()) {
                        if (progress.isCanceled()) {
                            pool.shutdownNow();
                            break;
                        }
                        Future<Outcome> next = results.poll(200, TimeUnit.MILLISECONDS);
                        if (next == null) {
                            continue;
                        }
                        Outcome o = next.get();
                        done++;
                        if (o.error() == null) {
                            BoardState s = o.key().isHost()
                                    ? (o.status().state() == org.opsbench.core.spi.Health.OK
                                            ? BoardState.UP
                                            : BoardState.DOWN)
                                    : BoardState.of(o.status().state());
                            states.merge(s, 1, Integer::sum);
                        } else {
                            failures.add(o.key() + ": " + o.error());
                        }
                        progress.subTask(o.key() + (o.error() == null ? "" : " failed"));
                        progress.worked(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(Background.message(e.getCause()));
                }
                int ran = done - failures.size();
                String summary = summary(ran, keys.size(), states, failures, progress.isCanceled());
                boolean bad = !failures.isEmpty() || progress.isCanceled();
                ui.asyncExec(() -> {
                    if (bad) {
                        message.error(summary);
                    } else {
                        message.info(summary);
                    }
                    refresh.run();
                });
                return progress.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    static String summary(int ran, int total, Map<BoardState, Integer> states, List<String> failures,
            boolean cancelled) {
        StringBuilder b = new StringBuilder("Ran ");
        b.append(ran == total ? "" : ran + " of ").append(total).append(total == 1 ? " check" : " checks");
        if (!states.isEmpty()) {
            b.append(ran == total ? ": " : " (");
            List<String> parts = new ArrayList<>();
            states.forEach((s, n) -> parts.add(n + " " + s));
            b.append(String.join(", ", parts)).append(ran == total ? "" : ")");
        }
        if (cancelled) {
            b.append("; cancelled");
        }
        if (!failures.isEmpty()) {
            b.append("; failed: ").append(String.join("; ", failures.subList(0, Math.min(3, failures.size()))));
            if (failures.size() > 3) {
                b.append(" and ").append(failures.size() - 3).append(" more");
            }
        }
        return b.toString();
    }

    /** Asks for a comment and acknowledges the problems among {@code rows}. */
    void acknowledge(Shell shell, List<BoardRow> rows) {
        List<CheckKey> problems = rows.stream().filter(r -> r.state().isProblem()).map(BoardRow::key).toList();
        if (problems.isEmpty()) {
            message.error("Select problems to acknowledge: OK and UP have nothing to acknowledge.");
            return;
        }
        String[] comment = new String[1];
        String what = problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems";
        FormDialog dialog = new FormDialog(shell, "ack", "Acknowledge " + what,
                "Say what is being done: repeats and escalations stop until the state changes.",
                f -> f.lines("comment", "Comment", "", 60), f -> {
                    comment[0] = f.value("comment");
                    return !comment[0].isEmpty() || !f.error("comment", "say why: a comment is required");
                });
        if (dialog.open() != Window.OK) {
            return;
        }
        each("Acknowledge " + what, problems, key -> monitoring.get().acknowledge(principal.get(), key, comment[0]),
                "Acknowledged " + what);
    }

    /** Removes the acknowledgements among {@code rows}. */
    void removeAcknowledgement(List<BoardRow> rows) {
        List<CheckKey> acked = rows.stream().filter(r -> r.acknowledgement() != null).map(BoardRow::key).toList();
        if (acked.isEmpty()) {
            message.error("None of the selected is acknowledged.");
            return;
        }
        String what = acked.size() == 1 ? acked.get(0).toString() : acked.size() + " acknowledgements";
        each("Remove the acknowledgement of " + what, acked,
                key -> monitoring.get().removeAcknowledgement(principal.get(), key), "Removed " + what);
    }

    /**
     * Asks when and why, and schedules a maintenance window for each of {@code targets} (or for the host or check typed
     * into the dialog when there are none).
     */
    void scheduleDowntime(Shell shell, List<CheckKey> targets) {
        Set<CheckKey> chosen = new LinkedHashSet<>(targets);
        boolean anyCheck = chosen.stream().anyMatch(k -> !k.isHost());
        Instant[] window = new Instant[2];
        String[] comment = new String[1];
        List<CheckKey> typed = new ArrayList<>();
        String what = chosen.isEmpty()
                ? "a host or check"
                : chosen.size() == 1 ? chosen.iterator().next().toString() : chosen.size() + " hosts and checks";
        FormDialog dialog = new FormDialog(shell, "downtime", "Schedule downtime for " + what,
                "Problems in the window send no notifications; one still there when it ends is notified then.", f -> {
                    if (chosen.isEmpty()) {
                        f.text("target", "Host or host/check", "", "web-1 or web-1/http");
                    }
                    f.text("start", "Start", Durations.MINUTES.format(Instant.now()), "yyyy-MM-dd HH:mm");
                    f.choice("duration", "Duration", DOWNTIME_LENGTHS, "2h", true);
                    if (anyCheck) {
                        f.check("wholeHost", "Whole host (all its checks)", false);
                    }
                    f.lines("comment", "Comment", "", 50);
                }, f -> {
                    boolean ok = true;
                    if (chosen.isEmpty()) {
                        String t = f.value("target");
                        if (t.isEmpty()) {
                            ok = !f.error("target", "name a host or host/check");
                        } else {
                            typed.add(CheckKey.parse(t));
                        }
                    }
                    try {
                        window[0] = LocalDateTime.parse(f.value("start").replace(' ', 'T'))
                                .atZone(ZoneId.systemDefault()).toInstant();
                    } catch (DateTimeParseException e) {
                        ok = !f.error("start", "use yyyy-MM-dd HH:mm, was '" + f.value("start") + "'") && ok;
                    }
                    try {
                        Duration d = Durations.parse(f.value("duration"));
                        if (d == null) {
                            ok = !f.error("duration", "how long, e.g. 2h") && ok;
                        } else if (window[0] != null) {
                            window[1] = window[0].plus(d);
                        }
                    } catch (IllegalArgumentException e) {
                        ok = !f.error("duration", e.getMessage()) && ok;
                    }
                    comment[0] = f.value("comment");
                    if (comment[0].isEmpty()) {
                        ok = !f.error("comment", "say why: a comment is required") && ok;
                    }
                    if (f.checked("wholeHost")) {
                        Set<CheckKey> hosts = new LinkedHashSet<>();
                        chosen.forEach(k -> hosts.add(CheckKey.host(k.host())));
                        chosen.clear();
                        chosen.addAll(hosts);
                    }
                    return ok;
                });
        if (dialog.open() != Window.OK) {
            return;
        }
        List<CheckKey> all = new ArrayList<>(chosen);
        all.addAll(typed);
        String done = "Scheduled downtime for " + (all.size() == 1 ? all.get(0) : all.size() + " hosts and checks")
                + " from " + Durations.MINUTES.format(window[0]) + " to " + Durations.MINUTES.format(window[1]);
        each("Schedule downtime for " + what, all,
                key -> monitoring.get().scheduleDowntime(principal.get(), key, window[0], window[1], comment[0]),
                done);
    }

    @FunctionalInterface
    interface Step {
        void apply(CheckKey key) throws Exception;
    }

    /** Applies {@code step} to every key in one user Job; reports the first failures. */
    private void each(String name, List<CheckKey> keys, Step step, String done) {
        if (monitoring.get() == null) {
            message.error("The monitoring service is not running.");
            return;
        }
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, name, keys.size());
                List<String> failures = new ArrayList<>();
                for (CheckKey key : keys) {
                    if (progress.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    progress.subTask(key.toString());
                    try {
                        step.apply(key);
                    } catch (Exception e) {
                        failures.add(key + ": " + Background.message(e));
                    }
                    progress.worked(1);
                }
                ui.asyncExec(() -> {
                    if (failures.isEmpty()) {
                        message.info(done);
                    } else {
                        message.error((failures.size() == keys.size() ? "Failed: " : "Partly done; failed: ")
                                + String.join("; ", failures.subList(0, Math.min(3, failures.size()))));
                    }
                    refresh.run();
                });
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
    }
}
