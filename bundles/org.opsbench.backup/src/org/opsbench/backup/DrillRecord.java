package org.opsbench.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * A restore drill: the last good archive of a job restored into a scratch location, verified and timed.
 *
 * @param id
 *            the drill's number
 * @param job
 *            the job
 * @param runId
 *            the run restored
 * @param started
 *            start time
 * @param duration
 *            observed recovery time: fetch, decrypt, unpack and verify
 * @param passed
 *            whether every restored file matched the manifest
 * @param message
 *            what was found
 */
public record DrillRecord(long id, String job, long runId, Instant started, Duration duration, boolean passed,
        String message) {
}
