package org.opsbench.backup;

import java.time.Instant;

/**
 * One run of a job.
 *
 * @param id
 *            the run's number
 * @param job
 *            the job's name
 * @param trigger
 *            who or what started it ({@code schedule}, or a principal's name)
 * @param started
 *            start time
 * @param ended
 *            end time, {@code null} while running
 * @param outcome
 *            how it ended
 * @param bytes
 *            bytes stored (the archive as written to the target), so far while running
 * @param sourceBytes
 *            bytes read from the source (the tar stream or command output)
 * @param files
 *            regular files in the archive
 * @param archive
 *            the archive's name in the target
 * @param sha256
 *            the archive checksum in hex, empty unless it succeeded: the SHA-256 of the archive as stored, or for an
 *            uncompressed, unencrypted tar archive (manifest line {@code archive-tree-sha256}) the SHA-256 of the tar
 *            stream with each file's content replaced by its SHA-256 (see docs/backup.md)
 * @param log
 *            what happened, one line per step
 * @param verified
 *            when a verification last passed, or {@code null}
 * @param pruned
 *            whether retention deleted the archive
 */
public record RunRecord(long id, String job, String trigger, Instant started, Instant ended, RunOutcome outcome,
        long bytes, long sourceBytes, int files, String archive, String sha256, String log, Instant verified,
        boolean pruned) {

    /** Whether this run left a good archive that still exists. */
    public boolean good() {
        return outcome == RunOutcome.SUCCEEDED && !pruned;
    }
}
