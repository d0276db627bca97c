package org.opsbench.backup;

import java.time.Duration;

/**
 * The outcome of reading an archive back and recomputing its checksums.
 *
 * @param runId
 *            the run verified
 * @param passed
 *            whether the archive checksum and every file's checksum matched the manifest
 * @param filesChecked
 *            files whose content was checked
 * @param message
 *            what matched, or the first mismatch
 * @param duration
 *            how long it took
 */
public record VerifyResult(long runId, boolean passed, int filesChecked, String message, Duration duration) {
}
