package org.opsbench.monitoring.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps and lists in one text column: {@code key=value} lines with {@code \\}, {@code =} and newlines escaped. */
public final class Texts {

    private Texts() {
    }

    /** The map as sorted {@code key=value} lines. */
    public static String encode(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return out.toString();
    }

    /** The map written by {@link #encode(Map)}. */
    public static Map<String, String> decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String line : text.split("\n")) {
            int eq = separator(line);
            if (eq > 0) {
                map.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return map;
    }

    /** The list joined by commas (names never contain commas). */
    public static String join(List<String> list) {
        return String.join(",", list);
    }

    /** The list split at commas, blanks dropped. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : Arrays.asList(text.split(","))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("=", "\\=");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
