package org.opsbench.backup.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.opsbench.backup.Backup;
import org.opsbench.backup.BackupPermissions;
import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.Objective;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.VerifyResult;
import org.opsbench.backup.internal.BackupRuntime;
import org.opsbench.backup.internal.SshAccess;
import org.opsbench.backup.internal.archive.SegmentedCipher;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.spi.BackupTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Backup} service: check the permission, validate, do it in one transaction, audit; events follow. */
@Component(service = Backup.class)
public final class BackupService implements Backup {

    private final BackupRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;
    private final SshAccess vault;

    /** On the runtime and the security core. */
    @Activate
    public BackupService(@Reference BackupRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference SshAccess vault) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
        this.vault = vault;
    }

    @Override
    public List<JobDefinition> jobs(Principal caller) {
        access.check(caller, BackupPermissions.READ);
        return runtime.store().jobs();
    }

    @Override
    public Optional<JobDefinition> job(Principal caller, String name) {
        access.check(caller, BackupPermissions.READ);
        return runtime.store().job(name);
    }

    @Override
    public void saveJob(Principal caller, JobDefinition job) {
        access.check(caller, BackupPermissions.WRITE);
        JobValidation.job(job, runtime.targets());
        if (job.encrypted()) {
            byte[] secret = vault.secret(job.encryptionKeyAlias(), "encryptionKeyAlias");
            try {
                SegmentedCipher.key(secret);
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException("encryptionKeyAlias", e.getMessage());
            } finally {
                java.util.Arrays.fill(secret, (byte) 0);
            }
        }
        Optional<JobDefinition> before = runtime.store().saveJob(job, runtime.clock().instant());
        audit.append(new AuditEntry(caller, before.isPresent() ? "backup.job.update" : "backup.job.create",
                "backup-job", job.name(), (before.isPresent() ? "changed" : "added") + " backup job " + job.name(),
                before.map(Object::toString).orElse(null), job.toString()));
        runtime.rescheduled(job.name());
    }

    @Override
    public boolean deleteJob(Principal caller, String name) {
        access.check(caller, BackupPermissions.WRITE);
        Optional<JobDefinition> before = runtime.store().deleteJob(name);
        before.ifPresent(b -> audit.append(new AuditEntry(caller, "backup.job.delete", "backup-job", name,
                "deleted backup job " + name + " and its history", b.toString(), null)));
        runtime.rescheduled(name);
        return before.isPresent();
    }

    @Override
    public List<BackupTarget> targets() {
        return List.copyOf(runtime.targets().values());
    }

    @Override
    public long startRun(Principal caller, String job) {
        access.check(caller, BackupPermissions.RUN);
        long id = runtime.start(job, caller.name());
        audit.append(AuditEntry.of(caller, "backup.run.start", "backup-job", job, "started run " + id + " of " + job));
        return id;
    }

    @Override
    public RunRecord awaitRun(Principal caller, long id, Duration wait) throws InterruptedException {
        access.check(caller, BackupPermissions.READ);
        return runtime.await(id, wait);
    }

    @Override
    public boolean cancelRun(Principal caller, long id) {
        access.check(caller, BackupPermissions.RUN);
        boolean cancelled = runtime.cancel(id);
        if (cancelled) {
            audit.append(AuditEntry.of(caller, "backup.run.cancel", "backup-run", Long.toString(id),
                    "cancelled run " + id));
        }
        return cancelled;
    }

    @Override
    public Optional<RunRecord> run(Principal caller, long id) {
        access.check(caller, BackupPermissions.READ);
        return runtime.run(id);
    }

    @Override
    public List<RunRecord> runs(Principal caller, String job, int limit) {
        access.check(caller, BackupPermissions.READ);
        return runtime.runs(job, Math.max(1, limit));
    }

    @Override
    public List<ManifestEntry> manifest(Principal caller, long runId) {
        access.check(caller, BackupPermissions.READ);
        return runtime.manifest(runId);
    }

    @Override
    public VerifyResult verify(Principal caller, long runId) {
        access.check(caller, BackupPermissions.RUN);
        VerifyResult result = runtime.verify(runId);
        audit.append(AuditEntry.of(caller, "backup.verify", "backup-run", Long.toString(runId),
                (result.passed() ? "verified run " : "verification FAILED for run ") + runId + ": "
                        + result.message()));
        return result;
    }

    @Override
    public String restore(Principal caller, RestoreRequest request) {
        access.check(caller, BackupPermissions.RESTORE);
        try {
            var outcome = runtime.restore(request);
            audit.append(new AuditEntry(caller, "backup.restore", "backup-run", Long.toString(request.runId()),
                    "restored run " + request.runId() + (outcome.verified() ? "" : " (VERIFICATION FAILED)"), null,
                    request.toString()));
            if (!outcome.verified()) {
                throw new IllegalStateException(outcome.log().strip());
            }
            return outcome.log();
        } catch (IOException e) {
            audit.append(new AuditEntry(caller, "backup.restore.failed", "backup-run",
                    Long.toString(request.runId()), "restore of run " + request.runId() + " failed: "
                            + e.getMessage(),
                    null, request.toString()));
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DrillRecord drill(Principal caller, String job) {
        access.check(caller, BackupPermissions.RUN);
        DrillRecord drill = runtime.drill(job);
        audit.append(AuditEntry.of(caller, "backup.drill", "backup-job", job, "restore drill of " + job + ": "
                + (drill.passed() ? "passed" : "FAILED") + " in " + drill.duration().toMillis() + " ms"));
        return drill;
    }

    @Override
    public List<DrillRecord> drills(Principal caller, String job, int limit) {
        access.check(caller, BackupPermissions.READ);
        return runtime.store().drills(job, Math.max(1, limit));
    }

    @Override
    public List<String> prune(Principal caller, String job) {
        access.check(caller, BackupPermissions.WRITE);
        JobDefinition j = runtime.store().job(job)
                .orElseThrow(() -> new IllegalArgumentException("job: no job '" + job + "'"));
        return runtime.prune(j, caller);
    }

    @Override
    public List<Objective> objectives(Principal caller) {
        access.check(caller, BackupPermissions.READ);
        return runtime.store().objectives();
    }

    @Override
    public void saveObjective(Principal caller, Objective objective) {
        access.check(caller, BackupPermissions.WRITE);
        JobValidation.objective(objective, objective.job() != null
                && runtime.store().job(objective.job()).isPresent());
        Optional<Objective> before = runtime.store().saveObjective(objective);
        audit.append(new AuditEntry(caller, before.isPresent() ? "backup.objective.update" : "backup.objective.create",
                "backup-objective", objective.ci().id(), "objectives of " + objective.ci().name() + ": RPO "
                        + objective.rpo() + ", RTO " + objective.rto(),
                before.map(Object::toString).orElse(null), objective.toString()));
    }

    @Override
    public boolean deleteObjective(Principal caller, String ciId) {
        access.check(caller, BackupPermissions.WRITE);
        Optional<Objective> before = runtime.store().deleteObjective(ciId);
        before.ifPresent(b -> audit.append(new AuditEntry(caller, "backup.objective.delete", "backup-objective",
                ciId, "deleted the objectives of " + b.ci().name(), b.toString(), null)));
        return before.isPresent();
    }

    @Override
    public List<ObjectiveStatus> status(Principal caller) {
        access.check(caller, BackupPermissions.READ);
        return runtime.status();
    }

    @Override
    public String restoreDatabase(Principal caller, long runId, Path databaseFolder) {
        access.check(caller, BackupPermissions.RESTORE);
        try {
            String log = runtime.restoreDatabase(runId, databaseFolder);
            audit.append(new AuditEntry(caller, "backup.restore.database", "backup-run", Long.toString(runId),
                    "restored the database of run " + runId + " into " + databaseFolder, null,
                    databaseFolder.toString()));
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("database restore failed: " + e.getMessage(), e);
        }
    }
}
