package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsbench.monitoring.Durations;

/**
 * The arguments of one directive line: words (in order), {@code key=value} options and quoted texts. Every accessor
 * fails with a {@link Line.ParseError} that names the line and the bad token.
 */
final class Args {

    private final Line line;
    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> texts = new ArrayList<>();

    private Args(Line line) {
        this.line = line;
    }

    /** Splits the tokens after the directive; options outside {@code allowed} are refused. */
    static Args of(Line line, Set<String> allowed) {
        Args a = new Args(line);
        for (Line.Token t : line.tokens().subList(1, line.tokens().size())) {
            int eq = t.text().indexOf('=');
            if (t.quoted()) {
                a.texts.add(t.text());
            } else if (eq > 0) {
                String key = t.text().substring(0, eq);
                if (!allowed.contains(key)) {
                    throw line.error("unknown option '" + key + "=' for " + line.directive()
                            + (allowed.isEmpty()
                                    ? " (it takes none)"
                                    : " (use " + String.join(", ", new TreeSet<>(
                                            allowed)) + ")"));
                }
                if (a.options.put(key, t.text().substring(eq + 1)) != null) {
                    throw line.error("option '" + key + "=' is given twice");
                }
            } else {
                a.words.add(t.text());
            }
        }
        return a;
    }

    Line line() {
        return line;
    }

    List<String> words() {
        return words;
    }

    /** The word at {@code index}, or an error saying that {@code what} is missing. */
    String word(int index, String what) {
        if (words.size() <= index) {
            throw line.error(line.directive() + ": missing " + what);
        }
        return words.get(index);
    }

    /** Refuses words after the first {@code count}. */
    Args atMostWords(int count) {
        if (words.size() > count) {
            throw line.error("unexpected '" + words.get(count) + "'"
                    + (texts.isEmpty() ? " (put text in \"quotes\")" : ""));
        }
        return this;
    }

    /** The one quoted text, or {@code fallback}. */
    String text(String fallback) {
        if (texts.size() > 1) {
            throw line.error("more than one quoted text: \"" + texts.get(1) + "\"");
        }
        return texts.isEmpty() ? fallback : texts.get(0);
    }

    /** Refuses quoted texts. */
    Args noText() {
        if (!texts.isEmpty()) {
            throw line.error("unexpected text \"" + texts.get(0) + "\"");
        }
        return this;
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A required option. */
    String required(String key, String what) {
        String v = options.get(key);
        if (v == null) {
            throw line.error(line.directive() + ": " + key + "= is required (" + what + ")");
        }
        return v;
    }

    Duration duration(String key, Duration fallback) {
        String v = options.get(key);
        return v == null ? fallback : duration(key, v);
    }

    Duration duration(String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw line.error(key + ": " + e.getMessage());
        }
    }

    int integer(String key, int fallback, int min, int max) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below names the token
        }
        throw line.error(key + ": must be a whole number from " + min + " to " + max + ", was '" + v + "'");
    }

    /** A {@code yes}/{@code no} option, or {@code null} when not given. */
    Boolean yesNo(String key) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw line.error(key + ": yes or no, was '" + v + "'");
        };
    }

    /** A comma-separated list option (empty when not given). */
    List<String> list(String key) {
        String v = options.get(key);
        if (v == null || v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            if (part.isBlank()) {
                throw line.error(key + ": empty item in '" + v + "'");
            }
            out.add(part.strip());
        }
        return out;
    }
}
