package org.opsbench.monitoring.internal.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opsbench.monitoring.Durations;

/**
 * The {@code KEY=VALUE} words of a {@code set} command, read once: each key may come once, and what a command does not
 * know is refused naming it. Values are typed on the way out ({@link #duration}, {@link #count}, {@link #bool}), and an
 * error names the key and the value.
 */
final class KeyValues {

    private final Map<String, String> values = new LinkedHashMap<>();

    private KeyValues() {
    }

    /** Reads {@code words}; every word must be {@code KEY=VALUE} (the value may be empty). */
    static KeyValues of(List<String> words, String usage) {
        KeyValues s = new KeyValues();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not KEY=VALUE: '" + word + "'; usage: " + usage);
            }
            String key = word.substring(0, eq);
            if (s.values.putIfAbsent(key, word.substring(eq + 1)) != null) {
                throw new IllegalArgumentException(key + ": given twice");
            }
        }
        return s;
    }

    /** Takes the value of {@code key} out, or {@code null} when it was not given. */
    String take(String key) {
        return values.remove(key);
    }

    /** Takes every key that starts with {@code prefix}, with the prefix removed, in the given order. */
    Map<String, String> takePrefixed(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : new ArrayList<>(values.keySet())) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                found.put(key.substring(prefix.length()), values.remove(key));
            }
        }
        return found;
    }

    /** Takes every key that is not in {@code known} (the rest of the words), in the given order. */
    Map<String, String> takeOthers(Set<String> known) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : new ArrayList<>(values.keySet())) {
            if (!known.contains(key)) {
                found.put(key, values.remove(key));
            }
        }
        return found;
    }

    /** Refuses what no one took. */
    void noneLeft(String usage) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown setting '" + values.keySet().iterator().next() + "'; usage: "
                    + usage);
        }
    }

    Duration duration(String key, Duration current) {
        String text = take(key);
        if (text == null) {
            return current;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": not a duration: '" + text + "' (like 30s, 5m, 1h30m)");
        }
    }

    int count(String key, int current, int min, int max) {
        String text = take(key);
        if (text == null) {
            return current;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(key + ": a number from " + min + " to " + max + ", was '" + text + "'");
    }

    boolean bool(String key, boolean current) {
        String text = take(key);
        if (text == null) {
            return current;
        }
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + ": true or false, was '" + text + "'");
        };
    }

    /** A text value; an empty value clears it ({@code null}). */
    String text(String key, String current) {
        String text = take(key);
        if (text == null) {
            return current;
        }
        return text.isEmpty() ? null : text;
    }

    /** A comma-separated list; an empty value clears it. */
    List<String> list(String key, List<String> current) {
        String text = take(key);
        if (text == null) {
            return current;
        }
        return text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }

    /** Applies {@code changes} to {@code base}: an empty value removes the key. */
    static Map<String, String> merge(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        changes.forEach((k, v) -> {
            if (v.isEmpty()) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged;
    }
}
