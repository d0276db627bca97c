package org.opsbench.backup.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.Objective;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.internal.schedule.ObjectiveRules;
import org.opsbench.backup.internal.store.BackupStore;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;

/**
 * The objectives against the recorded runs and drills; the last state of each is stored, so that a change into
 * {@code BREACHED} is posted once, also across restarts.
 */
final class ObjectiveWatch {

    private final BackupStore store;
    private final Events events;

    ObjectiveWatch(BackupStore store, Events events) {
        this.store = store;
        this.events = events;
    }

    /** The status of every objective at {@code now}; posts a breach event on a change into BREACHED. */
    List<ObjectiveStatus> status(Instant now) {
        List<ObjectiveStatus> all = new ArrayList<>();
        for (Objective o : store.objectives()) {
            // only a verified archive counts: a run that merely succeeded is a hope, not a backup
            Instant lastGood = store.lastVerifiedGood(o.job()).map(RunRecord::ended).orElse(null);
            DrillRecord drill = store.drills(o.job(), 1).stream().findFirst().orElse(null);
            ObjectiveStatus s = ObjectiveRules.status(o, lastGood, drill, now);
            all.add(s);
            Optional<ObjectiveStatus.State> before = store.swapState(o.ci().id(), s.state());
            if (s.state() == ObjectiveStatus.State.BREACHED
                    && before.filter(b -> b != ObjectiveStatus.State.BREACHED).isPresent()) {
                Map<String, Object> p = new HashMap<>();
                p.put(EventProperties.CI_ID, o.ci().id());
                p.put(EventProperties.CI_TYPE, o.ci().type());
                p.put(EventProperties.CI_NAME, o.ci().name());
                p.put(EventProperties.SOURCE, "backup:objective:" + o.ci().id());
                p.put(EventProperties.OLD_STATE, before.get().name());
                p.put(EventProperties.NEW_STATE, s.state().name());
                p.put(EventProperties.SEVERITY, Severity.MAJOR.name());
                String what = s.rpoState() == ObjectiveStatus.State.BREACHED
                        ? "RPO " + o.rpo() + " breached: " + (lastGood == null
                                ? "no verified good backup"
                                : "last verified good backup is " + s.backupAge().toMinutes() + " min old")
                        : "RTO " + o.rto() + " breached: " + (drill == null
                                ? "no drill"
                                : drill.passed()
                                        ? "last drill took " + drill.duration().toMillis() + " ms"
                                        : "last drill failed");
                p.put(EventProperties.REASON, what);
                p.put(EventProperties.SUMMARY, o.ci().name() + ": " + what);
                p.put("job", o.job());
                events.post(Topics.BACKUP_OBJECTIVE_BREACHED, p);
            }
        }
        return all;
    }
}
