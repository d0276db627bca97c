package org.opsbench.cluster.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event properties as text, one {@code key<TAB>type<TAB>value} line each. Only plain values cross processes (strings,
 * numbers, booleans, string arrays); anything else travels as its {@code toString()}.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /** The properties as text. */
    public static String encode(Map<String, ?> properties) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            Object v = e.getValue();
            if (v == null || e.getKey().equals("event.topics")) {
                continue;
            }
            String type;
            String text;
            switch (v) {
                case String s -> {
                    type = "s";
                    text = s;
                }
                case Long l -> {
                    type = "l";
                    text = l.toString();
                }
                case Integer i -> {
                    type = "i";
                    text = i.toString();
                }
                case Boolean b -> {
                    type = "b";
                    text = b.toString();
                }
                case Double d -> {
                    type = "d";
                    text = d.toString();
                }
                case String[] a -> {
                    type = "a";
                    text = String.join("\u001f", a);
                }
                default -> {
                    type = "s";
                    text = v.toString();
                }
            }
            out.append(escape(e.getKey())).append('\t').append(type).append('\t').append(escape(text)).append('\n');
        }
        return out.toString();
    }

    /** The properties back from text. */
    public static Map<String, Object> decode(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length < 3) {
                continue;
            }
            String key = unescape(parts[0]);
            String value = unescape(parts[2]);
            out.put(key, switch (parts[1]) {
                case "l" -> Long.valueOf(value);
                case "i" -> Integer.valueOf(value);
                case "b" -> Boolean.valueOf(value);
                case "d" -> Double.valueOf(value);
                case "a" -> value.isEmpty() ? new String[0] : value.split("\u001f", -1);
                default -> value;
            });
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
