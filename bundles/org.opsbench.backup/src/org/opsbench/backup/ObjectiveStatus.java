package org.opsbench.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a protected item stands against its objectives.
 *
 * @param objective
 *            the objectives
 * @param state
 *            the worse of the RPO and RTO states
 * @param lastGoodBackup
 *            end of the last good run whose archive passed verification (a verify or a passed drill), {@code null} if
 *            none: a run that only succeeded does not count
 * @param backupAge
 *            its age now, {@code null} if none
 * @param rpoState
 *            {@link State#PROTECTED} while the age is within 80 % of the RPO, {@link State#AT_RISK} up to the RPO,
 *            {@link State#BREACHED} past it or without any verified good backup
 * @param lastDrill
 *            duration of the last passed drill, {@code null} if none
 * @param rtoState
 *            {@link State#PROTECTED} when the last drill passed within the RTO, {@link State#AT_RISK} without any
 *            passed drill, {@link State#BREACHED} when it took longer or the last drill failed
 */
public record ObjectiveStatus(Objective objective, State state, Instant lastGoodBackup, Duration backupAge,
        State rpoState, Duration lastDrill, State rtoState) {

    /** Protection states, from good to bad. */
    public enum State {
        /** Within the objective. */
        PROTECTED,
        /** Close to it, or not yet proven. */
        AT_RISK,
        /** Outside it. */
        BREACHED
    }
}
