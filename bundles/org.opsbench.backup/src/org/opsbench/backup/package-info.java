/**
 * The backup and disaster recovery area's API: backup {@linkplain org.opsbench.backup.JobDefinition jobs} (a source on
 * a host over SSH, a command's output or Opsbench's own database; a {@link org.opsbench.core.spi.BackupTarget}; a
 * {@linkplain org.opsbench.backup.CronExpression cron} schedule; gzip; optional AES-256-GCM), their recorded
 * {@linkplain org.opsbench.backup.RunRecord runs} with a per-file {@linkplain org.opsbench.backup.ManifestEntry
 * manifest}, {@linkplain org.opsbench.backup.Retention retention}, verified restores and restore drills, and recovery
 * {@linkplain org.opsbench.backup.Objective objectives} (RPO/RTO) per protected configuration item.
 * <p>
 * Everything goes through the {@link org.opsbench.backup.Backup} service, which checks the
 * {@link org.opsbench.backup.BackupPermissions permissions}, writes in one transaction, audits and posts the
 * {@code org/opsbench/backup/*} events of {@link org.opsbench.core.events.Topics}.
 * <p>
 * Provisional: version 0.1.0.
 */
package org.opsbench.backup;
