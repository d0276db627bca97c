package org.opsbench.backup.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Objective;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.core.CiRef;

import org.opsbench.persistence.JpaWork;

import jakarta.persistence.EntityManagerFactory;

/** The backup tables through JPA. Each method is one transaction; API records go out. */
public final class BackupStore {

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public BackupStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    // ---- jobs

    /** All jobs by name. */
    public List<JobDefinition> jobs() {
        return JpaWork.read(emf, em -> em.createQuery("SELECT j FROM JobEntity j ORDER BY j.name", JobEntity.class)
                .getResultList().stream().map(BackupStore::job).toList());
    }

    /** One job. */
    public Optional<JobDefinition> job(String name) {
        return JpaWork.read(emf, em -> Optional.ofNullable(em.find(JobEntity.class, name)).map(BackupStore::job));
    }

    /**
     * Creates or replaces a job; returns the previous definition. A new schedule (new job, changed cron or zone, or
     * enabled again) counts from {@code now}: slots before it were never missed.
     */
    public Optional<JobDefinition> saveJob(JobDefinition j, Instant now) {
        return JpaWork.write(emf, em -> {
            JobEntity e = em.find(JobEntity.class, j.name());
            Optional<JobDefinition> before = Optional.ofNullable(e).map(BackupStore::job);
            if (before.isEmpty() || !before.get().schedule().equals(j.schedule())
                    || !before.get().timeZone().equals(j.timeZone()) || (j.enabled() && !before.get().enabled())) {
                if (e != null) {
                    e.scheduledFrom = now.toEpochMilli();
                }
            }
            if (e == null) {
                e = new JobEntity();
                e.name = j.name();
            }
            e.description = j.description();
            e.sourceKind = j.source().name();
            e.host = j.host();
            e.port = j.port();
            e.user = j.user();
            e.credentialAlias = j.credentialAlias();
            e.paths = String.join("\n", j.paths());
            e.command = j.command();
            e.target = j.target();
            e.targetSettings = encode(j.targetSettings());
            e.schedule = j.schedule();
            e.timeZone = j.timeZone();
            e.compress = j.compress();
            e.keyAlias = j.encryptionKeyAlias();
            e.keepLast = j.retention().keepLast();
            e.keepDaily = j.retention().daily();
            e.keepWeekly = j.retention().weekly();
            e.keepMonthly = j.retention().monthly();
            e.keepYearly = j.retention().yearly();
            e.drillSchedule = j.drillSchedule();
            e.ciId = j.ciId();
            e.enabled = j.enabled();
            if (before.isEmpty()) {
                e.scheduledFrom = now.toEpochMilli();
                em.persist(e);
            }
            return before;
        });
    }

    /**
     * Where a job's schedule stands: the last slot a scheduled run was started for (or the schedule's last change); for
     * a job saved before that was recorded, the start of its newest run; empty if neither is known.
     */
    public Optional<Instant> scheduledFrom(String name) {
        return JpaWork.read(emf, em -> {
            JobEntity e = em.find(JobEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            if (e.scheduledFrom != null) {
                return Optional.of(Instant.ofEpochMilli(e.scheduledFrom));
            }
            return em.createQuery("SELECT r.started FROM RunEntity r WHERE r.job = :j ORDER BY r.started DESC",
                    Long.class).setParameter("j", name).setMaxResults(1).getResultList().stream()
                    .map(Instant::ofEpochMilli).findFirst();
        });
    }

    /** Records that a scheduled run of {@code name} was started for the slot {@code slot}. */
    public void scheduled(String name, Instant slot) {
        JpaWork.write(emf, em -> {
            JobEntity e = em.find(JobEntity.class, name);
            if (e != null) {
                e.scheduledFrom = slot.toEpochMilli();
            }
            return null;
        });
    }

    /** Deletes a job with its runs and drills; returns it. */
    public Optional<JobDefinition> deleteJob(String name) {
        return JpaWork.write(emf, em -> {
            JobEntity e = em.find(JobEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            em.createQuery("DELETE FROM RunEntity r WHERE r.job = :j").setParameter("j", name).executeUpdate();
            em.createQuery("DELETE FROM DrillEntity d WHERE d.job = :j").setParameter("j", name).executeUpdate();
            em.remove(e);
            return Optional.of(job(e));
        });
    }

    private static JobDefinition job(JobEntity e) {
        return new JobDefinition(e.name, e.description, SourceKind.valueOf(e.sourceKind), e.host, e.port, e.user,
                e.credentialAlias, e.paths.isEmpty() ? List.of() : List.of(e.paths.split("\n")), e.command, e.target,
                decode(e.targetSettings), e.schedule, e.timeZone, e.compress, e.keyAlias,
                new Retention(e.keepLast, e.keepDaily, e.keepWeekly, e.keepMonthly, e.keepYearly), e.drillSchedule,
                e.ciId, e.enabled);
    }

    /** {@code key=value} lines, with backslash escapes for newlines and backslashes. */
    static String encode(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en -> out.append(escape(en.getKey()))
                .append('=').append(escape(en.getValue())).append('\n'));
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return map;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'e' ? '=' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- runs

    /** Records a run that starts now; returns its id. */
    public long startRun(String job, String trigger, Instant started) {
        return JpaWork.write(emf, em -> {
            RunEntity e = new RunEntity();
            e.job = job;
            e.trigger = trigger;
            e.started = started.toEpochMilli();
            e.outcome = RunOutcome.RUNNING.name();
            e.archive = "";
            e.sha256 = "";
            e.log = "";
            em.persist(e);
            em.flush();
            return e.id;
        });
    }

    /** Records how a run ended. */
    public RunRecord finishRun(long id, Instant ended, RunOutcome outcome, String archive, long bytes,
            long sourceBytes, int files, String sha256, String log, String manifest) {
        return JpaWork.write(emf, em -> {
            RunEntity e = em.find(RunEntity.class, id);
            e.archive = archive;
            e.ended = ended.toEpochMilli();
            e.outcome = outcome.name();
            e.bytes = bytes;
            e.sourceBytes = sourceBytes;
            e.files = files;
            e.sha256 = sha256;
            e.log = log;
            e.manifest = manifest;
            return run(e);
        });
    }

    /** Runs left RUNNING by a stop: they are failed now (their archive was never completed). */
    public int failAbandoned(Instant now) {
        return JpaWork.write(emf, em -> em.createQuery(
                "UPDATE RunEntity r SET r.outcome = :f, r.ended = :now, r.log = 'the run was interrupted by a stop of "
                        + "Opsbench; no archive was completed' WHERE r.outcome = :r")
                .setParameter("f", RunOutcome.FAILED.name()).setParameter("now", now.toEpochMilli())
                .setParameter("r", RunOutcome.RUNNING.name()).executeUpdate());
    }

    /** One run. */
    public Optional<RunRecord> run(long id) {
        return JpaWork.read(emf, em -> Optional.ofNullable(em.find(RunEntity.class, id)).map(BackupStore::run));
    }

    /** A run's manifest text. */
    public Optional<String> manifest(long id) {
        return JpaWork.read(emf, em -> Optional.ofNullable(em.find(RunEntity.class, id)).map(e -> e.manifest));
    }

    /** Runs of {@code job} (all when null), newest first. */
    public List<RunRecord> runs(String job, int limit) {
        return JpaWork.read(emf, em -> (job == null
                ? em.createQuery("SELECT r FROM RunEntity r ORDER BY r.started DESC, r.id DESC", RunEntity.class)
                : em.createQuery("SELECT r FROM RunEntity r WHERE r.job = :j ORDER BY r.started DESC, r.id DESC",
                        RunEntity.class).setParameter("j", job))
                .setMaxResults(limit).getResultList().stream().map(BackupStore::run).toList());
    }

    /** Marks a run verified at {@code when}. */
    public void verified(long id, Instant when) {
        JpaWork.write(emf, em -> {
            em.find(RunEntity.class, id).verified = when.toEpochMilli();
            return null;
        });
    }

    /** Clears a run's verification: its archive failed a later one. */
    public void unverified(long id) {
        JpaWork.write(emf, em -> {
            em.find(RunEntity.class, id).verified = null;
            return null;
        });
    }

    /** The newest run of {@code job} that succeeded, was verified and is not pruned. */
    public Optional<RunRecord> lastVerifiedGood(String job) {
        return JpaWork.read(emf, em -> em.createQuery("SELECT r FROM RunEntity r WHERE r.job = :j AND r.outcome = :o"
                + " AND r.pruned = FALSE AND r.verified IS NOT NULL ORDER BY r.started DESC, r.id DESC",
                RunEntity.class).setParameter("j", job).setParameter("o", RunOutcome.SUCCEEDED.name())
                .setMaxResults(1).getResultList().stream().map(BackupStore::run).findFirst());
    }

    /** Marks a run's archive pruned and appends to its log. */
    public void pruned(long id, String line) {
        JpaWork.write(emf, em -> {
            RunEntity e = em.find(RunEntity.class, id);
            e.pruned = true;
            e.log = (e.log == null ? "" : e.log) + line + "\n";
            return null;
        });
    }

    private static RunRecord run(RunEntity e) {
        return new RunRecord(e.id, e.job, e.trigger, Instant.ofEpochMilli(e.started),
                e.ended == null ? null : Instant.ofEpochMilli(e.ended), RunOutcome.valueOf(e.outcome), e.bytes,
                e.sourceBytes, e.files, e.archive, e.sha256, e.log == null ? "" : e.log,
                e.verified == null ? null : Instant.ofEpochMilli(e.verified), e.pruned);
    }

    // ---- drills

    /** Records a drill. */
    public DrillRecord addDrill(String job, long runId, Instant started, Duration duration, boolean passed,
            String message) {
        return JpaWork.write(emf, em -> {
            DrillEntity e = new DrillEntity();
            e.job = job;
            e.runId = runId;
            e.started = started.toEpochMilli();
            e.durationMillis = duration.toMillis();
            e.passed = passed;
            e.message = message.length() > 2000 ? message.substring(0, 2000) : message;
            em.persist(e);
            em.flush();
            return drill(e);
        });
    }

    /** Drills of {@code job} (all when null), newest first. */
    public List<DrillRecord> drills(String job, int limit) {
        return JpaWork.read(emf, em -> (job == null
                ? em.createQuery("SELECT d FROM DrillEntity d ORDER BY d.started DESC, d.id DESC", DrillEntity.class)
                : em.createQuery("SELECT d FROM DrillEntity d WHERE d.job = :j ORDER BY d.started DESC, d.id DESC",
                        DrillEntity.class).setParameter("j", job))
                .setMaxResults(limit).getResultList().stream().map(BackupStore::drill).toList());
    }

    private static DrillRecord drill(DrillEntity e) {
        return new DrillRecord(e.id, e.job, e.runId, Instant.ofEpochMilli(e.started),
                Duration.ofMillis(e.durationMillis), e.passed, e.message);
    }

    // ---- objectives

    /** All objectives by CI id. */
    public List<Objective> objectives() {
        return JpaWork.read(emf,
                em -> em.createQuery("SELECT o FROM ObjectiveEntity o ORDER BY o.ciId", ObjectiveEntity.class)
                        .getResultList().stream().map(BackupStore::objective).toList());
    }

    /** Creates or replaces an objective; returns the previous one. */
    public Optional<Objective> saveObjective(Objective o) {
        return JpaWork.write(emf, em -> {
            ObjectiveEntity e = em.find(ObjectiveEntity.class, o.ci().id());
            Optional<Objective> before = Optional.ofNullable(e).map(BackupStore::objective);
            if (e == null) {
                e = new ObjectiveEntity();
                e.ciId = o.ci().id();
                e.lastState = ObjectiveStatus.State.PROTECTED.name();
            }
            e.ciType = o.ci().type();
            e.ciName = o.ci().name();
            e.job = o.job();
            e.rpoSeconds = o.rpo().toSeconds();
            e.rtoSeconds = o.rto().toSeconds();
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes an objective; returns it. */
    public Optional<Objective> deleteObjective(String ciId) {
        return JpaWork.write(emf, em -> {
            ObjectiveEntity e = em.find(ObjectiveEntity.class, ciId);
            if (e == null) {
                return Optional.empty();
            }
            em.remove(e);
            return Optional.of(objective(e));
        });
    }

    /**
     * Stores {@code state} as the objective's last state and returns the one before (so that a breach is posted once
     * per change, across restarts and servers).
     */
    public Optional<ObjectiveStatus.State> swapState(String ciId, ObjectiveStatus.State state) {
        return JpaWork.write(emf, em -> {
            ObjectiveEntity e = em.find(ObjectiveEntity.class, ciId);
            if (e == null) {
                return Optional.empty();
            }
            ObjectiveStatus.State before = ObjectiveStatus.State.valueOf(e.lastState);
            e.lastState = state.name();
            return Optional.of(before);
        });
    }

    private static Objective objective(ObjectiveEntity e) {
        return new Objective(new CiRef(e.ciId, e.ciType, e.ciName), e.job, Duration.ofSeconds(e.rpoSeconds),
                Duration.ofSeconds(e.rtoSeconds));
    }
}
