package org.opsbench.monitoring.internal.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a map of named text values (a notifier's settings, a check's parameters) and refuses a bad value with an
 * exception that names it. Values are stripped; a blank value counts as absent. The caller decides what a refusal is (a
 * {@code DeliveryException} for notifiers, a {@link ParameterException} for checks).
 *
 * @param <E>
 *            the exception a refusal is
 */
public final class Values<E extends Exception> {

    /** Makes the refusal of one value. */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {

        /** The refusal of the value named {@code name}; {@code problem} reads on from the name. */
        E of(String name, String problem);
    }

    private final Map<String, String> values;
    private final Refusal<E> refusal;

    /** Reads {@code values} (may be {@code null}), refusing through {@code refusal}. */
    public Values(Map<String, String> values, Refusal<E> refusal) {
        this.values = values == null ? Map.of() : values;
        this.refusal = refusal;
    }

    /** The value of {@code name}, or {@code null} when absent or blank. */
    public String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value of {@code name}, or {@code fallback} when absent or blank. */
    public String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    /** The value of {@code name}; refused when absent. */
    public String required(String name) throws E {
        String value = optional(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) throws E {
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

    /** A number with a decimal point in {@code [min, max]}, or {@code fallback} when absent. */
    public double decimal(String name, double fallback, double min, double max) throws E {
        String value = optional(name);
        return value == null ? fallback : decimal(name, value, min, max);
    }

    /** {@code text} as a number with a decimal point in {@code [min, max]}, refused in the name of {@code name}. */
    public double decimal(String name, String text, double min, double max) throws E {
        double number;
        try {
            // Double.parseDouble takes "NaN", "Infinity" and hex floats: numbers here are plain decimals
            if (!text.strip().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new NumberFormatException(text);
            }
            number = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number such as 1.5 (with a decimal point), was '" + printable(text) + "'");
        }
        if (number < min || number > max) {
            throw invalid(name, "must be between " + plain(min) + " and " + plain(max) + ", was " + plain(number));
        }
        return number;
    }

    /** {@code true} or {@code false} (any case), or {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) throws E {
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
    public Duration duration(String name, Duration fallback, Duration max) throws E {
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

    /** One of {@code choices} (compared ignoring case, returned as listed), or {@code fallback} when absent. */
    public String choice(String name, String fallback, List<String> choices) throws E {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw invalid(name, "must be one of " + String.join(", ", choices) + ", was '" + printable(value) + "'");
    }

    /** The comma-separated items of {@code name}, stripped, blanks dropped; empty when absent. */
    public List<String> list(String name) {
        String value = optional(name);
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return List.copyOf(items);
    }

    /**
     * {@code text} as an absolute http or https URL with a host and without credentials; {@code hint} follows the
     * refusal of credentials (where to put them instead), or is empty.
     */
    public URI httpUrl(String name, String text, String hint) throws E {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a valid URL: " + printable(e.getReason()));
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(name, "must be an http or https URL, was scheme '" + printable(scheme) + "'");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw invalid(name, "has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid(name, "must not carry credentials" + hint);
        }
        return url;
    }

    /** The readable file named by {@code name}, or {@code null} when absent. */
    public Path readableFile(String name) throws E {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(name, "is not a file path");
        }
        if (!Files.isReadable(file)) {
            throw invalid(name, "names no readable file: " + file);
        }
        return file;
    }

    /** A refusal naming {@code name}. */
    public E invalid(String name, String problem) {
        return refusal.of(name, problem);
    }

    /**
     * {@code text} cut to 200 characters with control characters shown as {@code ?}, so that a value or a server's
     * answer can go into a message on one line.
     */
    public static String printable(String text) {
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

    /** {@code 2} for 2.0, {@code 1.5} for 1.5. */
    public static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : Double.toString(number);
    }
}
