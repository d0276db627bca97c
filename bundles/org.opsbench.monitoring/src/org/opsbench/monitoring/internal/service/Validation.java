package org.opsbench.monitoring.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.Range;
import org.opsbench.monitoring.internal.checks.ParameterException;
import org.opsbench.monitoring.internal.checks.ValidatingCheckType;
import org.opsbench.monitoring.internal.notify.ValidatingNotifier;
import org.opsbench.monitoring.internal.support.Values;

/** Checks definitions before anything is written; the exception names the field. */
final class Validation {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9:._%\\[\\]-]{1,255}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._*?-]{0,200}");
    private static final Set<String> STATES = Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN", "UP", "DOWN",
            "UNREACHABLE");
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);
    private static final Pattern SECRET_ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@/-]{0,199}");

    private Validation() {
    }

    static void host(HostDefinition h) {
        name("name", h.name());
        if (h.address() == null || !ADDRESS.matcher(h.address()).matches()) {
            throw new InvalidDefinitionException("address",
                    "a DNS name or IP address is required (letters, digits, '.', ':', '-'), was '" + h.address() + "'");
        }
        if (h.sshPort() < 1 || h.sshPort() > 65535) {
            throw new InvalidDefinitionException("sshPort", "must be between 1 and 65535, was " + h.sshPort());
        }
        if (h.sshUser() != null && (h.sshUser().isBlank() || h.sshUser().chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidDefinitionException("sshUser", "must not be blank or contain spaces");
        }
        if (h.credentialAlias() != null && h.sshUser() == null) {
            throw new InvalidDefinitionException("sshUser", "a credential alias needs an SSH user");
        }
        for (String parent : h.parents()) {
            name("parents", parent);
            if (parent.equals(h.name())) {
                throw new InvalidDefinitionException("parents", "a host cannot be its own parent");
            }
        }
        interval("interval", h.interval());
        attempts("maxAttempts", h.maxAttempts());
        reserved("hostCheckParameters", h.hostCheckParameters());
    }

    static void check(CheckDefinition c, CheckType type) {
        name("host", c.host());
        name("name", c.name());
        if (type == null) {
            throw new InvalidDefinitionException("type", "no check type '" + c.type() + "' is installed");
        }
        parameters("parameters", c.parameters(), type);
        interval("interval", c.interval());
        interval("retryInterval", c.retryInterval());
        attempts("maxAttempts", c.maxAttempts());
        if (c.timeout().toMillis() < 100 || c.timeout().compareTo(Duration.ofMinutes(10)) > 0) {
            throw new InvalidDefinitionException("timeout", "must be between 100 ms and 10 minutes, was "
                    + c.timeout().toMillis() + " ms");
        }
        CheckDefinition.Thresholds t = c.thresholds();
        if (t != null) {
            if (t.metric() == null || t.metric().isBlank()) {
                throw new InvalidDefinitionException("thresholds.metric", "name the metric the thresholds apply to");
            }
            range("thresholds.warning", t.warning());
            range("thresholds.critical", t.critical());
        }
    }

    static void parameters(String field, Map<String, String> values, CheckType type) {
        reserved(field, values);
        Set<String> known = new TreeSet<>();
        type.parameters().forEach(p -> known.add(p.name()));
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidDefinitionException(field + "." + name,
                        "is not a parameter of check type " + type.id() + " (it takes " + known + ")");
            }
        }
        Values<InvalidDefinitionException> typed = new Values<>(values,
                (name, problem) -> new InvalidDefinitionException(field + "." + name, problem));
        for (Parameter p : type.parameters()) {
            String v = values.get(p.name());
            if (v == null || v.isBlank()) {
                if (p.required() && (p.defaultValue() == null || p.defaultValue().isBlank())) {
                    throw new InvalidDefinitionException(field + "." + p.name(),
                            p.label() + " is required by check type " + type.id());
                }
                continue;
            }
            switch (p.type()) {
                case INTEGER -> {
                    try {
                        Long.parseLong(v.strip());
                    } catch (NumberFormatException e) {
                        throw new InvalidDefinitionException(field + "." + p.name(), "not a whole number: '" + v + "'");
                    }
                }
                case BOOLEAN -> typed.bool(p.name(), false);
                case DURATION -> typed.duration(p.name(), null, MAX_INTERVAL);
                case SECRET_ALIAS -> {
                    if (!SECRET_ALIAS.matcher(v.strip()).matches()) {
                        throw new InvalidDefinitionException(field + "." + p.name(),
                                "a vault alias is letters, digits and . _ @ / -, was '" + Values.printable(v) + "'");
                    }
                }
                case STRING -> {
                    // free text: the check type says more below, if it can
                }
            }
        }
        if (type instanceof ValidatingCheckType validating) {
            try {
                validating.validate(values);
            } catch (ParameterException e) {
                throw new InvalidDefinitionException(field + "." + e.parameter(), e.problem());
            }
        }
    }

    /**
     * Checks a rule; {@code notifier} and {@code escalation} are the installed notifiers it names, or {@code null} when
     * none of that id is installed.
     */
    static void rule(NotificationRule r, Notifier notifier, Notifier escalation) {
        boolean notifierInstalled = notifier != null;
        boolean escalationInstalled = escalation != null;
        name("name", r.name());
        if (r.states().isEmpty()) {
            throw new InvalidDefinitionException("states", "name at least one state, of " + STATES);
        }
        for (String s : r.states()) {
            if (!STATES.contains(s)) {
                throw new InvalidDefinitionException("states", "unknown state '" + s + "', use " + STATES);
            }
        }
        glob("hosts", r.hosts());
        glob("checks", r.checks());
        if (r.notifier() == null || !notifierInstalled) {
            throw new InvalidDefinitionException("notifier", "no notifier '" + r.notifier() + "' is installed");
        }
        if (r.repeat().isNegative()) {
            throw new InvalidDefinitionException("repeat", "must not be negative");
        }
        if (!r.repeat().isZero() && r.repeat().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidDefinitionException("repeat", "repeat at most once a minute, was " + r.repeat());
        }
        if (r.escalateAfter().isNegative()) {
            throw new InvalidDefinitionException("escalateAfter", "must not be negative");
        }
        if (!r.escalateAfter().isZero() && (r.escalationNotifier() == null || !escalationInstalled)) {
            throw new InvalidDefinitionException("escalationNotifier",
                    "an escalation needs an installed notifier, '" + r.escalationNotifier() + "' is not");
        }
        settings("settings", notifier, r.settings());
        if (!r.escalateAfter().isZero()) {
            settings("escalationSettings", escalation, r.escalationSettings());
        }
    }

    private static void settings(String field, Notifier notifier, Map<String, String> settings) {
        if (notifier instanceof ValidatingNotifier validating) {
            try {
                validating.validate(settings);
            } catch (ParameterException e) {
                throw new InvalidDefinitionException(field + "." + e.parameter(), e.problem());
            }
        }
    }

    static void downtime(Instant start, Instant end, String comment) {
        if (start == null) {
            throw new InvalidDefinitionException("start", "is required");
        }
        if (end == null || !end.isAfter(start)) {
            throw new InvalidDefinitionException("end", "must be after the start " + start);
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            throw new InvalidDefinitionException("end", "a maintenance window lasts at most a year");
        }
        comment("comment", comment);
    }

    static void comment(String field, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidDefinitionException(field, "say why: a comment is required");
        }
        if (comment.length() > 2000) {
            throw new InvalidDefinitionException(field, "at most 2000 characters, was " + comment.length());
        }
    }

    private static void reserved(String field, Map<String, String> values) {
        for (String k : values.keySet()) {
            if (CheckParameters.reserved(k)) {
                throw new InvalidDefinitionException(field + "." + k,
                        "is set from the host definition (ssh.*, host.*), not per check");
            }
        }
    }

    private static void name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidDefinitionException(field,
                    "1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit; was '" + value + "'");
        }
    }

    private static void glob(String field, String value) {
        if (!GLOB.matcher(value).matches()) {
            throw new InvalidDefinitionException(field, "a name pattern with * and ?, was '" + value + "'");
        }
    }

    private static void interval(String field, Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidDefinitionException(field, "must be between 1 second and 1 day, was " + d);
        }
    }

    private static void attempts(String field, int n) {
        if (n < 1 || n > 20) {
            throw new InvalidDefinitionException(field, "must be between 1 and 20, was " + n);
        }
    }

    private static void range(String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            Range.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(field, e.getMessage());
        }
    }
}
