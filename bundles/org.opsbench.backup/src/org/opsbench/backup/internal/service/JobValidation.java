package org.opsbench.backup.internal.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import org.opsbench.backup.CronExpression;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Objective;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.core.spi.Parameter;

/** Checks of job definitions and objectives; every refusal names its field. */
public final class JobValidation {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private JobValidation() {
    }

    /** Refuses a bad job; {@code targets} are the installed ones. */
    public static void job(JobDefinition j, Map<String, BackupTarget> targets) {
        if (j.name() == null || !NAME.matcher(j.name()).matches()) {
            throw new InvalidDefinitionException("name",
                    "letters, digits, '.', '_' and '-', at most 100, starting with a letter or digit; was '"
                            + j.name() + "'");
        }
        if (j.source() == null) {
            throw new InvalidDefinitionException("source", "required: PATHS, COMMAND or DATABASE");
        }
        switch (j.source()) {
            case PATHS, COMMAND -> {
                if (j.host().isBlank()) {
                    throw new InvalidDefinitionException("host", "required for a " + j.source() + " source");
                }
                if (j.port() < 1 || j.port() > 65535) {
                    throw new InvalidDefinitionException("port", "must be from 1 to 65535, was " + j.port());
                }
                if (j.user().isBlank()) {
                    throw new InvalidDefinitionException("user", "required for a " + j.source() + " source");
                }
                if (j.credentialAlias().isBlank()) {
                    throw new InvalidDefinitionException("credentialAlias", "required: the vault alias of the login");
                }
                if (j.source() == org.opsbench.backup.SourceKind.PATHS) {
                    if (j.paths().isEmpty()) {
                        throw new InvalidDefinitionException("paths", "at least one path is required");
                    }
                    for (int i = 0; i < j.paths().size(); i++) {
                        String p = j.paths().get(i);
                        if (p == null || !p.startsWith("/") || p.contains("\n") || p.contains("\0")) {
                            throw new InvalidDefinitionException("paths[" + i + "]",
                                    "must be an absolute path, was '" + p + "'");
                        }
                    }
                } else if (j.command().isBlank()) {
                    throw new InvalidDefinitionException("command", "required for a COMMAND source");
                }
            }
            case DATABASE -> {
                // the database of this runtime: nothing to name
            }
        }
        BackupTarget target = targets.get(j.target());
        if (target == null) {
            throw new InvalidDefinitionException("target", "no backup target '" + j.target() + "' is installed; "
                    + "installed: " + targets.keySet());
        }
        for (Parameter p : target.parameters()) {
            String v = j.targetSettings().get(p.name());
            if (p.required() && (v == null || v.isBlank())) {
                throw new InvalidDefinitionException("targetSettings." + p.name(), "required by " + target.id());
            }
            if (v != null && !v.isBlank() && p.type() == Parameter.Type.INTEGER) {
                try {
                    Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidDefinitionException("targetSettings." + p.name(), "not a number: " + v);
                }
            }
        }
        for (String key : j.targetSettings().keySet()) {
            if (target.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                throw new InvalidDefinitionException("targetSettings." + key, "unknown to " + target.id());
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(j.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidDefinitionException("timeZone", "unknown time zone '" + j.timeZone() + "'");
        }
        cron("schedule", j.schedule());
        cron("drillSchedule", j.drillSchedule());
        if (zone == null) {
            throw new InvalidDefinitionException("timeZone", "required");
        }
    }

    private static void cron(String field, String text) {
        if (!text.isEmpty()) {
            try {
                CronExpression.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException(field, e.getMessage());
            }
        }
    }

    /** Refuses a bad objective. */
    public static void objective(Objective o, boolean jobExists) {
        if (o.ci() == null) {
            throw new InvalidDefinitionException("ci", "required");
        }
        if (!jobExists) {
            throw new InvalidDefinitionException("job", "no job '" + o.job() + "'");
        }
        if (o.rpo() == null || o.rpo().isNegative() || o.rpo().isZero()) {
            throw new InvalidDefinitionException("rpo", "must be a positive duration");
        }
        if (o.rto() == null || o.rto().isNegative() || o.rto().isZero()) {
            throw new InvalidDefinitionException("rto", "must be a positive duration");
        }
    }
}
