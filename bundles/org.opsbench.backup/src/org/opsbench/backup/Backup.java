package org.opsbench.backup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.spi.BackupTarget;

/**
 * The backup area's service. Reads need {@link BackupPermissions#READ}; every write checks its permission, runs in one
 * transaction, is audited and posts its event. Runs, verifications and drills run in the background: start one and wait
 * for it with {@link #awaitRun}.
 */
public interface Backup {

    /** All jobs by name. */
    List<JobDefinition> jobs(Principal caller);

    /** One job. */
    Optional<JobDefinition> job(Principal caller, String name);

    /**
     * Creates or replaces a job ({@link BackupPermissions#WRITE}).
     *
     * @throws InvalidDefinitionException
     *             naming the field at fault; nothing is stored then
     */
    void saveJob(Principal caller, JobDefinition job);

    /** Deletes a job and its run history (archives stay in the target); returns whether it existed. */
    boolean deleteJob(Principal caller, String name);

    /** The installed targets. */
    List<BackupTarget> targets();

    /**
     * Starts a run of {@code job} now ({@link BackupPermissions#RUN}).
     *
     * @return the run's id
     * @throws IllegalStateException
     *             when the job is running already
     */
    long startRun(Principal caller, String job);

    /** Waits up to {@code wait} for run {@code id} to end and returns it as it is then. */
    RunRecord awaitRun(Principal caller, long id, Duration wait) throws InterruptedException;

    /** Cancels a running run ({@link BackupPermissions#RUN}); returns whether it was running. */
    boolean cancelRun(Principal caller, long id);

    /** One run, with live figures while it runs. */
    Optional<RunRecord> run(Principal caller, long id);

    /** The newest {@code limit} runs of {@code job} (all jobs when {@code null}), newest first. */
    List<RunRecord> runs(Principal caller, String job, int limit);

    /** The manifest of a run's archive. */
    List<ManifestEntry> manifest(Principal caller, long runId);

    /**
     * Reads the archive of {@code runId} back from its target and recomputes the archive's and every file's SHA-256
     * against the manifest ({@link BackupPermissions#RUN}); a pass is recorded on the run.
     */
    VerifyResult verify(Principal caller, long runId);

    /**
     * Restores an archive ({@link BackupPermissions#RESTORE}) with {@code tar -xf - -C DEST} over SSH, or for a
     * command's output into the file {@code destination}.
     *
     * @return a line per step
     */
    String restore(Principal caller, RestoreRequest request);

    /**
     * Restores the last good archive of {@code job} into a scratch location, verifies every file and removes it again
     * ({@link BackupPermissions#RUN}); posts {@link org.opsbench.core.events.Topics#BACKUP_DRILL_FINISHED}.
     */
    DrillRecord drill(Principal caller, String job);

    /** The newest {@code limit} drills of {@code job} (all when {@code null}). */
    List<DrillRecord> drills(Principal caller, String job, int limit);

    /**
     * Applies the job's retention now ({@link BackupPermissions#WRITE}).
     *
     * @return the archives deleted
     */
    List<String> prune(Principal caller, String job);

    /** All objectives. */
    List<Objective> objectives(Principal caller);

    /** Creates or replaces the objectives of a CI ({@link BackupPermissions#WRITE}). */
    void saveObjective(Principal caller, Objective objective);

    /** Deletes the objectives of a CI; returns whether there were some. */
    boolean deleteObjective(Principal caller, String ciId);

    /**
     * The status of every objective now; a change into {@link ObjectiveStatus.State#BREACHED} posts
     * {@link org.opsbench.core.events.Topics#BACKUP_OBJECTIVE_BREACHED} once.
     */
    List<ObjectiveStatus> status(Principal caller);

    /**
     * Restores a database archive (of a {@link SourceKind#DATABASE} job) into {@code databaseFolder}, which must not
     * exist or be empty, and must not be the live database ({@link BackupPermissions#RESTORE}). Put the folder in place
     * of a stopped workspace's {@code db} to restore the whole workspace.
     *
     * @return a line per step
     */
    String restoreDatabase(Principal caller, long runId, java.nio.file.Path databaseFolder);
}
