package org.opsbench.monitoring.internal.notify;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.opsbench.core.spi.Notifier.DeliveryException;

/**
 * Reads a notifier's settings map and refuses bad values with a message that names the setting. Values are stripped; a
 * blank value counts as absent.
 */
final class Settings {

    private final String notifier;
    private final Map<String, String> values;

    Settings(String notifier, Map<String, String> values) {
        this.notifier = notifier;
        this.values = values == null ? Map.of() : values;
    }

    /** The value of {@code name}, or {@code null} when absent or blank. */
    String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value of {@code name}; refused when absent. */
    String required(String name) throws DeliveryException {
        String value = optional(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) throws DeliveryException {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, was '" + printable(value) + "'");
        }
        if (number < min || number > max) {
            throw invalid(name, "must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    /** {@code true} or {@code false} (any case), or {@code fallback} when absent. */
    boolean bool(String name, boolean fallback) throws DeliveryException {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false, was '" + printable(value) + "'");
        };
    }

    /**
     * A positive duration in ISO-8601 ({@code PT30S}) or whole seconds, at most {@code max}, or {@code fallback} when
     * absent.
     */
    Duration duration(String name, Duration fallback, Duration max) throws DeliveryException {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        Duration duration;
        try {
            duration = value.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(name, "must be a duration such as PT10S or a number of seconds, was '" + printable(value)
                    + "'");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
            throw invalid(name, "must be more than zero and at most " + max.toSeconds() + " s, was " + value);
        }
        return duration;
    }

    /** A refusal naming the setting. */
    DeliveryException invalid(String name, String problem) {
        return new DeliveryException(notifier + " notifier: setting '" + name + "' " + problem, null);
    }

    /**
     * {@code text} cut to 200 characters with control characters shown as {@code ?}, so that a value or a server's
     * answer can go into a message on one line.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 201));
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > 200) {
            out.append('…');
        }
        return out.toString();
    }
}
