package org.opsbench.backup;

import java.util.List;
import java.util.Map;

/**
 * A backup job as configured. Validated by {@link Backup#saveJob}, which names the field at fault.
 *
 * @param name
 *            unique name, letters, digits, {@code . _ -}, at most 100
 * @param description
 *            for humans, may be empty
 * @param source
 *            what is backed up
 * @param host
 *            for {@link SourceKind#PATHS} and {@link SourceKind#COMMAND}: host name or address to reach over SSH
 * @param port
 *            SSH port
 * @param user
 *            SSH login
 * @param credentialAlias
 *            vault alias of the SSH password or private key
 * @param paths
 *            for {@link SourceKind#PATHS}: absolute paths on the host
 * @param command
 *            for {@link SourceKind#COMMAND}: the command whose standard output is the backup
 * @param target
 *            the id of the {@link org.opsbench.core.spi.BackupTarget} service, for example {@code local-dir}
 * @param targetSettings
 *            the target's settings (its {@link org.opsbench.core.spi.BackupTarget#parameters()})
 * @param schedule
 *            a {@link CronExpression}, or empty for runs on demand only
 * @param timeZone
 *            the zone the schedule and retention days are read in, for example {@code Europe/Berlin}
 * @param compress
 *            whether the archive is gzip-compressed
 * @param encryptionKeyAlias
 *            vault alias of a 32-byte AES key (raw, Base64 or hex), or empty for no encryption
 * @param retention
 *            which archives are kept
 * @param drillSchedule
 *            a {@link CronExpression} for restore drills, or empty for none
 * @param ciId
 *            id of the configuration item this job protects, or empty
 * @param enabled
 *            whether the schedule runs it
 */
public record JobDefinition(String name, String description, SourceKind source, String host, int port, String user,
        String credentialAlias, List<String> paths, String command, String target, Map<String, String> targetSettings,
        String schedule, String timeZone, boolean compress, String encryptionKeyAlias, Retention retention,
        String drillSchedule, String ciId, boolean enabled) {

    /** Normalizes absent values to empty ones and copies the collections. */
    public JobDefinition {
        description = description == null ? "" : description;
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        credentialAlias = credentialAlias == null ? "" : credentialAlias;
        paths = paths == null ? List.of() : List.copyOf(paths);
        command = command == null ? "" : command;
        target = target == null ? "" : target;
        targetSettings = targetSettings == null ? Map.of() : Map.copyOf(targetSettings);
        schedule = schedule == null ? "" : schedule.trim();
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        encryptionKeyAlias = encryptionKeyAlias == null ? "" : encryptionKeyAlias;
        retention = retention == null ? Retention.KEEP_ALL : retention;
        drillSchedule = drillSchedule == null ? "" : drillSchedule.trim();
        ciId = ciId == null ? "" : ciId;
    }

    /** Whether archives are encrypted. */
    public boolean encrypted() {
        return !encryptionKeyAlias.isEmpty();
    }
}
