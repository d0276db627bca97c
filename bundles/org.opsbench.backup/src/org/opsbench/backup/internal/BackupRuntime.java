package org.opsbench.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opsbench.backup.CronExpression;
import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.VerifyResult;
import org.opsbench.backup.internal.archive.Manifest;
import org.opsbench.backup.internal.schedule.CatchUp;
import org.opsbench.backup.internal.schedule.RetentionPlan;
import org.opsbench.backup.internal.store.BackupStore;
import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.persistence.DatabaseBackup;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.opsbench.ssh.RemoteShell;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManagerFactory;

/**
 * The backup area's engine: the store, the installed targets, runs in progress, and the schedule of runs, drills and
 * objective checks. Permission checks and audit of user actions are the {@code BackupService}'s; what this does on its
 * own schedule it audits as {@code system:backup}.
 */
@Component(service = BackupRuntime.class, configurationPid = BackupRuntime.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BackupConfig.class)
public final class BackupRuntime {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.backup";
    /** The area name (migrations, audit object types). */
    public static final String AREA = "backup";

    private final Map<String, BackupTarget> targets = new ConcurrentHashMap<>();
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextDrill = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Reference
    private SchemaMigrations migrations;
    @Reference
    private PersistenceUnits units;
    @Reference
    private RemoteShell shell;
    @Reference
    private SshAccess access;
    @Reference
    private DatabaseBackup database;
    @Reference
    private AuditLog audit;
    @Reference
    private Events events;
    @Reference(service = LoggerFactory.class)
    private Logger log;

    private EntityManagerFactory emf;
    private BackupStore store;
    private ExecutorService runs;
    private ExecutorService io;
    private ScheduledExecutorService ticker;
    private RunPipeline pipeline;
    private Restores restores;
    private ObjectiveWatch objectives;
    private boolean scheduling;
    private Duration timeout;

    @Activate
    void activate(BundleContext context, BackupConfig config) throws IOException {
        migrations.migrate(AREA, context.getBundle(), "migrations");
        emf = units.createEntityManagerFactory("backup");
        store = new BackupStore(emf);
        int abandoned = store.failAbandoned(clock.instant());
        if (abandoned > 0) {
            log.warn("{} backup runs were interrupted by the last stop and are marked failed", abandoned);
        }
        Path work = config.workFolder().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(config.workFolder());
        Files.createDirectories(work);
        timeout = Duration.ofHours(config.timeoutHours());
        runs = Executors.newFixedThreadPool(config.concurrentRuns(), r -> thread(r, "opsbench-backup-run"));
        io = Executors.newCachedThreadPool(r -> thread(r, "opsbench-backup-io"));
        pipeline = new RunPipeline(shell, access, database, io, work, timeout);
        restores = new Restores(shell, access, database, work, timeout);
        objectives = new ObjectiveWatch(store, events);
        scheduling = config.scheduling();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "opsbench-backup-ticker"));
        ticker.scheduleWithFixedDelay(this::tick, config.tickSeconds(), config.tickSeconds(), TimeUnit.SECONDS);
        ticker.execute(() -> catchUp(clock.instant()));
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        active.values().forEach(a -> cancel(a.id));
        runs.shutdownNow();
        io.shutdownNow();
        try {
            runs.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        emf.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(BackupTarget target) {
        targets.put(target.id(), target);
    }

    void removeTarget(BackupTarget target) {
        targets.remove(target.id(), target);
    }

    /** The store. */
    public BackupStore store() {
        return store;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The installed targets by id. */
    public Map<String, BackupTarget> targets() {
        return targets;
    }

    private BackupTarget target(JobDefinition job) {
        BackupTarget t = targets.get(job.target());
        if (t == null) {
            throw new IllegalStateException("target: no backup target '" + job.target() + "' is installed");
        }
        return t;
    }

    private JobDefinition job(String name) {
        return store.job(name).orElseThrow(() -> new IllegalArgumentException("job: no job '" + name + "'"));
    }

    private RunRecord runRecord(long id) {
        return store.run(id).orElseThrow(() -> new IllegalArgumentException("runId: no run " + id));
    }

    // ---- runs

    /** Starts a run of {@code jobName}; returns its id. */
    public long start(String jobName, String trigger) {
        return start(jobName, trigger, null);
    }

    /** Starts a run of {@code jobName} whose log begins with {@code note} (if not null); returns its id. */
    synchronized long start(String jobName, String trigger, String note) {
        JobDefinition job = job(jobName);
        BackupTarget target = target(job);
        if (active.values().stream().anyMatch(a -> a.job.equals(jobName))) {
            throw new IllegalStateException("job: '" + jobName + "' is running already");
        }
        Instant now = clock.instant();
        long id = store.startRun(jobName, trigger, now);
        ActiveRun run = new ActiveRun(id, jobName, trigger, now);
        if (note != null) {
            run.log(note);
        }
        active.put(id, run);
        run.future = runs.submit(() -> execute(job, target, run));
        return id;
    }

    private void execute(JobDefinition job, BackupTarget target, ActiveRun run) {
        RunRecord finished;
        try {
            RunPipeline.Result r;
            try {
                r = pipeline.run(job, target, run);
            } catch (RuntimeException e) {
                run.log("failed: " + e.getMessage());
                r = new RunPipeline.Result(run.cancelled.get() ? RunOutcome.CANCELLED : RunOutcome.FAILED,
                        run.archive, run.stored.get(), run.read.get(), 0, "", null, String.valueOf(e.getMessage()));
            }
            finished = store.finishRun(run.id, clock.instant(), r.outcome(), r.archive(), r.bytes(), r.sourceBytes(),
                    r.files(), r.sha256(), run.log(), r.manifest());
            if (r.outcome() == RunOutcome.SUCCEEDED) {
                try {
                    prune(job, SshAccess.PRINCIPAL);
                } catch (RuntimeException e) {
                    log.warn("pruning {} failed: {}", job.name(), e.getMessage());
                }
            }
            Map<String, Object> props = Events.runProperties(job, finished);
            if (r.outcome() != RunOutcome.SUCCEEDED) {
                props.put(EventProperties.REASON, r.reason());
                props.put(EventProperties.SEVERITY, Severity.MAJOR.name());
                props.put(EventProperties.SUMMARY, "backup " + job.name() + " " + r.outcome().name().toLowerCase()
                        + ": " + r.reason());
                events.post(Topics.BACKUP_RUN_FAILED, props);
            }
            events.post(Topics.BACKUP_RUN_FINISHED, Events.runProperties(job, finished));
        } catch (RuntimeException e) {
            log.error("backup run {} of {} could not be recorded: {}", run.id, job.name(), e.toString());
        } finally {
            active.remove(run.id);
            run.done.countDown();
        }
    }

    /** Waits for a run to end. */
    public RunRecord await(long id, Duration wait) throws InterruptedException {
        ActiveRun run = active.get(id);
        if (run != null) {
            run.done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        return run(id).orElseThrow(() -> new IllegalArgumentException("runId: no run " + id));
    }

    /** Cancels a running run. */
    public boolean cancel(long id) {
        ActiveRun run = active.get(id);
        if (run == null) {
            return false;
        }
        run.cancelled.set(true);
        if (run.future != null) {
            run.future.cancel(true);
        }
        return true;
    }

    /** A run, with live figures while active. */
    public Optional<RunRecord> run(long id) {
        return store.run(id).map(this::live);
    }

    /** Runs, with live figures for active ones. */
    public List<RunRecord> runs(String job, int limit) {
        return store.runs(job, limit).stream().map(this::live).toList();
    }

    private RunRecord live(RunRecord r) {
        ActiveRun a = active.get(r.id());
        if (a == null || r.outcome() != RunOutcome.RUNNING) {
            return r;
        }
        return new RunRecord(r.id(), r.job(), r.trigger(), r.started(), null, RunOutcome.RUNNING, a.stored.get(),
                a.read.get(), 0, a.archive, "", a.log(), null, false);
    }

    /** A run's manifest. */
    public List<ManifestEntry> manifest(long runId) {
        return Manifest.entries(store.manifest(runId).orElse(null));
    }

    /** Whether a run's archive checksum is a tree SHA-256 (manifest version 2, plain tar archive). */
    private boolean treeChecksum(long runId) {
        return Manifest.treeChecksum(store.manifest(runId).orElse(null));
    }

    private RunRecord goodRun(long runId) {
        RunRecord run = runRecord(runId);
        if (run.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalArgumentException("runId: run " + runId + " " + run.outcome().name().toLowerCase()
                    + "; it left no archive");
        }
        if (run.pruned()) {
            throw new IllegalArgumentException("runId: the archive of run " + runId + " was pruned");
        }
        return run;
    }

    // ---- verify, restore, drill

    /** Verifies a run's archive; a pass is recorded. */
    public VerifyResult verify(long runId) {
        RunRecord run = goodRun(runId);
        JobDefinition job = job(run.job());
        VerifyResult result = restores.verify(job, target(job), run, manifest(runId), treeChecksum(runId));
        if (result.passed()) {
            store.verified(runId, clock.instant());
        } else if (run.verified() != null) {
            store.unverified(runId); // the archive no longer passes: it no longer counts for the RPO
        }
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.SOURCE, "backup:" + job.name());
        p.put(EventProperties.REFERENCE, "run " + runId);
        p.put(EventProperties.NEW_STATE, result.passed() ? "PASSED" : "FAILED");
        p.put(EventProperties.SEVERITY, result.passed() ? Severity.INFO.name() : Severity.MAJOR.name());
        p.put(EventProperties.SUMMARY, "verification of " + run.archive() + ": " + result.message());
        p.put("kind", "verify");
        p.put("job", job.name());
        events.post(Topics.BACKUP_DRILL_FINISHED, p);
        return result;
    }

    /** Restores an archive; returns the log. */
    public Restores.Outcome restore(RestoreRequest request) throws IOException {
        RunRecord run = goodRun(request.runId());
        JobDefinition job = job(run.job());
        return restores.restore(job, target(job), run, manifest(run.id()), treeChecksum(run.id()), request);
    }

    /** Restores a database archive into a folder. */
    public String restoreDatabase(long runId, Path folder) throws IOException {
        RunRecord run = goodRun(runId);
        JobDefinition job = job(run.job());
        return restores.restoreDatabase(job, target(job), run, manifest(runId), treeChecksum(runId), folder);
    }

    /** Drills the last good archive of a job and records it. */
    public DrillRecord drill(String jobName) {
        JobDefinition job = job(jobName);
        RunRecord run = store.runs(jobName, 500).stream().filter(RunRecord::good).findFirst()
                .orElseThrow(() -> new IllegalStateException("job: '" + jobName + "' has no good archive to drill"));
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        boolean passed;
        String message;
        try {
            Restores.Outcome outcome = restores.drill(job, target(job), run, manifest(run.id()),
                    treeChecksum(run.id()));
            passed = outcome.verified();
            message = outcome.log().strip();
        } catch (IOException | RuntimeException e) {
            passed = false;
            message = "drill failed: " + e.getMessage();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        DrillRecord drill = store.addDrill(jobName, run.id(), started, took, passed, message);
        if (passed) {
            store.verified(run.id(), clock.instant()); // a passed drill restored and verified the archive
        }
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.SOURCE, "backup:" + jobName);
        p.put(EventProperties.REFERENCE, "drill " + drill.id());
        p.put(EventProperties.NEW_STATE, passed ? "PASSED" : "FAILED");
        p.put(EventProperties.SEVERITY, passed ? Severity.INFO.name() : Severity.MAJOR.name());
        p.put(EventProperties.SUMMARY, "restore drill of " + jobName + (passed ? " passed in " : " failed after ")
                + took.toMillis() + " ms");
        p.put("kind", "drill");
        p.put("job", jobName);
        p.put("durationMillis", took.toMillis());
        if (!job.ciId().isEmpty()) {
            p.put(EventProperties.CI_ID, job.ciId());
        }
        events.post(Topics.BACKUP_DRILL_FINISHED, p);
        return drill;
    }

    // ---- retention

    /** Applies a job's retention; returns the archives deleted. Audited as {@code who}. */
    public synchronized List<String> prune(JobDefinition job, Principal who) {
        if (job.retention().keepsAll()) {
            return List.of();
        }
        List<RunRecord> good = store.runs(job.name(), 100_000).stream().filter(RunRecord::good).toList();
        Set<Long> keep = RetentionPlan.keep(
                good.stream().map(r -> new RetentionPlan.Archive(r.id(), r.started())).toList(), job.retention(),
                ZoneId.of(job.timeZone()));
        BackupTarget target = target(job);
        List<String> deleted = new ArrayList<>();
        for (RunRecord r : good) {
            if (keep.contains(r.id()) || keep.isEmpty()) {
                continue;
            }
            try {
                target.delete(job.targetSettings(), r.archive());
                target.delete(job.targetSettings(), r.archive() + ".manifest");
                store.pruned(r.id(), clock.instant() + " pruned by retention " + job.retention());
                deleted.add(r.archive());
            } catch (IOException e) {
                log.warn("could not prune {}: {}", r.archive(), e.getMessage());
            }
        }
        if (!deleted.isEmpty()) {
            audit.append(new AuditEntry(who, "backup.prune", "backup-job", job.name(),
                    "pruned " + deleted.size() + " archives of " + job.name() + " (kept " + keep.size() + ")",
                    null, String.join("\n", deleted)));
            log.info("retention of {} pruned {} archives: {}", job.name(), deleted.size(), deleted);
        }
        return deleted;
    }

    // ---- objectives

    /** The status of every objective; posts a breach event on a change into BREACHED. */
    public List<ObjectiveStatus> status() {
        return objectives.status(clock.instant());
    }

    // ---- schedule

    private void tick() {
        tick(clock.instant());
    }

    /**
     * Starts what is due at {@code now}: runs and drills whose cron time has come since the last tick, then looks at
     * the objectives. The first tick of a job only finds its next fire time.
     */
    public void tick(Instant now) {
        try {
            if (scheduling) {
                for (JobDefinition job : store.jobs()) {
                    if (!job.enabled()) {
                        continue;
                    }
                    due(job.name(), job.schedule(), job.timeZone(), nextRun, now, slot -> {
                        store.scheduled(job.name(), slot);
                        start(job.name(), "schedule");
                    });
                    due(job.name(), job.drillSchedule(), job.timeZone(), nextDrill, now, slot -> drill(job.name()));
                }
            }
            status();
        } catch (RuntimeException e) {
            log.warn("backup schedule tick failed: {}", e.toString());
        }
    }

    /**
     * At start: every enabled job whose schedule had a slot between its last scheduled run (or the schedule's last
     * change) and {@code now} (the server was off) runs once now, with trigger {@code catch-up}, however many slots
     * were missed; the run's log and the OSGi log say which. Returns the runs started.
     */
    public List<Long> catchUp(Instant now) {
        List<Long> started = new ArrayList<>();
        if (!scheduling) {
            return started;
        }
        try {
            for (JobDefinition job : store.jobs()) {
                if (!job.enabled() || job.schedule().isEmpty()) {
                    continue;
                }
                Optional<CatchUp.Missed> missed = store.scheduledFrom(job.name()).flatMap(from -> CatchUp
                        .missed(CronExpression.parse(job.schedule()), ZoneId.of(job.timeZone()), from, now));
                if (missed.isEmpty()) {
                    continue;
                }
                String note = "catch-up: the schedule '" + job.schedule() + "' (" + job.timeZone() + ") was missed ("
                        + missed.get().describe() + ") while Opsbench was not running; run once now";
                try {
                    store.scheduled(job.name(), now);
                    started.add(start(job.name(), "catch-up", note));
                    log.info("backup job {}: {}", job.name(), note);
                } catch (RuntimeException e) {
                    log.warn("backup job {}: catch-up not started: {}", job.name(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("backup catch-up failed: {}", e.toString());
        }
        return started;
    }

    private void due(String name, String cron, String zone, Map<String, Instant> next, Instant now,
            java.util.function.Consumer<Instant> action) {
        if (cron.isEmpty()) {
            next.remove(name);
            return;
        }
        CronExpression expression = CronExpression.parse(cron);
        Instant at = next.computeIfAbsent(name, n -> expression.next(now, ZoneId.of(zone)));
        if (at != null && !now.isBefore(at)) {
            next.put(name, expression.next(now, ZoneId.of(zone)));
            runs.submit(() -> {
                try {
                    action.accept(at);
                } catch (RuntimeException e) {
                    log.warn("scheduled backup work for {} not started: {}", name, e.getMessage());
                }
            });
        }
    }

    /** Forgets the schedule position of a job (after it changed). */
    public void rescheduled(String name) {
        nextRun.remove(name);
        nextDrill.remove(name);
    }
}
