/**
 * The security operations API: {@linkplain org.opsbench.security.ops.Advisory advisories} imported from OSV files,
 * {@linkplain org.opsbench.security.ops.Finding findings} per host (open, accepted risk with expiry, fixed),
 * {@linkplain org.opsbench.security.ops.PatchStatus patch compliance} with a daily
 * {@linkplain org.opsbench.security.ops.ComplianceDay trend}, {@linkplain org.opsbench.security.ops.PortAudit port and
 * firewall audits} against approved baselines, and {@linkplain org.opsbench.security.ops.SecuritySignal signals}
 * (failed-login bursts, changed host keys).
 * <p>
 * Everything goes through {@link org.opsbench.security.ops.SecurityOperations}, which checks the
 * {@link org.opsbench.security.ops.SecOpsPermissions permissions}, writes in one transaction, audits and posts the
 * {@code org/opsbench/security/*} events of {@link org.opsbench.core.events.Topics}.
 * <p>
 * Provisional: version 0.1.0.
 */
package org.opsbench.security.ops;
