package org.opsbench.backup.internal.schedule;

import java.time.Duration;
import java.time.Instant;

import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.Objective;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.ObjectiveStatus.State;

/** The RPO/RTO states of an objective, as documented on {@link ObjectiveStatus}. Pure. */
public final class ObjectiveRules {

    /** Share of the RPO after which a backup's age counts as at risk. */
    public static final double AT_RISK_SHARE = 0.8;

    private ObjectiveRules() {
    }

    /**
     * The status of {@code objective} at {@code now}, from the end of the last good backup ({@code null}: none) and the
     * last drill ({@code null}: none).
     */
    public static ObjectiveStatus status(Objective objective, Instant lastGood, DrillRecord lastDrill, Instant now) {
        Duration age = lastGood == null ? null : Duration.between(lastGood, now);
        State rpo;
        if (age == null || age.compareTo(objective.rpo()) > 0) {
            rpo = State.BREACHED;
        } else if (age.toMillis() > objective.rpo().toMillis() * AT_RISK_SHARE) {
            rpo = State.AT_RISK;
        } else {
            rpo = State.PROTECTED;
        }
        State rto;
        if (lastDrill == null) {
            rto = State.AT_RISK;
        } else if (!lastDrill.passed() || lastDrill.duration().compareTo(objective.rto()) > 0) {
            rto = State.BREACHED;
        } else {
            rto = State.PROTECTED;
        }
        State worst = rpo.compareTo(rto) >= 0 ? rpo : rto;
        return new ObjectiveStatus(objective, worst, lastGood, age, rpo,
                lastDrill == null || !lastDrill.passed() ? null : lastDrill.duration(), rto);
    }
}
