package org.opsbench.changes;

import java.time.Instant;

/**
 * One step run on one host, with its output as stored.
 *
 * @param phase
 *            implementation or rollback
 * @param step
 *            the step's number, from 1
 * @param host
 *            the item's name whose host ran it
 * @param command
 *            the command
 * @param status
 *            how it ended
 * @param exitCode
 *            the command's exit code, or {@code -1} when it did not run to its end
 * @param output
 *            its standard output and error (or why it did not run)
 * @param started
 *            when it started
 * @param ended
 *            when it ended
 */
public record StepRun(Phase phase, int step, String host, String command, Status status, int exitCode,
        String output, Instant started, Instant ended) {

    /** Which list of steps. */
    public enum Phase {
        /** The implementation steps. */
        IMPLEMENT,
        /** The rollback steps. */
        ROLLBACK
    }

    /** How a step ended. */
    public enum Status {
        /** Exit code 0. */
        SUCCEEDED,
        /** Non-zero exit code, or it could not run (connection, credential, timeout). */
        FAILED,
        /** Cancelled before or while it ran. */
        CANCELLED
    }
}
