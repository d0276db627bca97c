package org.opsbench.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts go where. A hard state change of a host or check matching {@code hosts} and {@code checks} into one of
 * {@code states} goes to the {@link org.opsbench.core.spi.Notifier} {@code notifier}; while the problem lasts
 * unacknowledged it is repeated every {@code repeat} and, after {@code escalateAfter}, also sent to
 * {@code escalationNotifier}. Recoveries go out when {@code states} contains {@code OK} (checks) or {@code UP} (hosts).
 *
 * @param name
 *            unique name
 * @param states
 *            state names: {@code WARNING CRITICAL UNKNOWN OK} for checks, {@code DOWN UNREACHABLE UP} for hosts
 * @param hosts
 *            glob over host names ({@code *}, {@code web-*})
 * @param checks
 *            glob over check names; {@code *} matches hosts too, an empty pattern only hosts
 * @param notifier
 *            the notifier id ({@code log}, {@code webhook}, {@code smtp}...)
 * @param settings
 *            the notifier's settings (URL, recipients...); secrets by vault alias, never inline
 * @param repeat
 *            repeat interval, or {@code null} / zero for no repeats
 * @param escalateAfter
 *            delay before escalation, or {@code null} / zero for none
 * @param escalationNotifier
 *            the notifier escalations go to, or {@code null}
 * @param escalationSettings
 *            its settings
 * @param enabled
 *            whether the rule is used
 */
public record NotificationRule(String name, Set<String> states, String hosts, String checks, String notifier,
        Map<String, String> settings, Duration repeat, Duration escalateAfter, String escalationNotifier,
        Map<String, String> escalationSettings, boolean enabled) {

    /** Copies the collections and fills defaults. */
    public NotificationRule {
        states = states == null ? Set.of() : Set.copyOf(states);
        hosts = hosts == null || hosts.isBlank() ? "*" : hosts;
        checks = checks == null ? "*" : checks;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        escalationSettings = escalationSettings == null ? Map.of() : Map.copyOf(escalationSettings);
        repeat = repeat == null ? Duration.ZERO : repeat;
        escalateAfter = escalateAfter == null ? Duration.ZERO : escalateAfter;
    }

    /** A rule without repeats or escalation. */
    public static NotificationRule of(String name, Set<String> states, String hosts, String checks, String notifier,
            Map<String, String> settings) {
        return new NotificationRule(name, states, hosts, checks, notifier, settings, null, null, null, null, true);
    }

    /** This rule with repeats and escalation. */
    public NotificationRule withRepeat(Duration every, Duration escalation, String escalateTo,
            Map<String, String> escalateSettings) {
        return new NotificationRule(name, states, hosts, checks, notifier, settings, every, escalation, escalateTo,
                escalateSettings, enabled);
    }
}
