package org.opsbench.backup;

import java.time.Duration;

import org.opsbench.core.CiRef;

/**
 * The recovery objectives of one protected configuration item.
 *
 * @param ci
 *            the protected item
 * @param job
 *            the job that protects it
 * @param rpo
 *            recovery point objective: the oldest the last verified good backup may be
 * @param rto
 *            recovery time objective: the longest a restore (as last drilled) may take
 */
public record Objective(CiRef ci, String job, Duration rpo, Duration rto) {
}
