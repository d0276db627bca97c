package org.opsbench.monitoring.internal.notify;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.opsbench.core.CiRef;
import org.opsbench.core.spi.Notification;

/**
 * The JSON document a webhook receives (RFC 8259), written by hand:
 *
 * <pre>
 * {"time":"2026-11-25T10:00:00Z","severity":"CRITICAL","subject":"...","body":"...",
 *  "item":{"id":"ci-42","type":"host","name":"db1"},"properties":{"state.new":"CRITICAL"}}
 * </pre>
 *
 * {@code item} is {@code null} when the notification concerns no configuration item; properties are sorted by key.
 * Strings escape {@code "} and {@code \}, every control character, U+2028 and U+2029 (which break JavaScript consumers)
 * and lone surrogates (which UTF-8 cannot carry); other characters go out as they are, in UTF-8.
 */
final class NotificationJson {

    private NotificationJson() {
    }

    /** The document for {@code n}. */
    static String of(Notification n) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"time\":");
        string(json, n.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(n.time()));
        json.append(",\"severity\":");
        string(json, n.severity() == null ? null : n.severity().name());
        json.append(",\"subject\":");
        string(json, n.subject());
        json.append(",\"body\":");
        string(json, n.body());
        json.append(",\"item\":");
        CiRef item = n.item();
        if (item == null) {
            json.append("null");
        } else {
            json.append("{\"id\":");
            string(json, item.id());
            json.append(",\"type\":");
            string(json, item.type());
            json.append(",\"name\":");
            string(json, item.name());
            json.append('}');
        }
        json.append(",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(n.properties()).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, e.getKey());
            json.append(':');
            string(json, e.getValue());
        }
        return json.append("}}").toString();
    }

    /** Appends {@code value} as a JSON string, or {@code null}. */
    static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        unicode(json, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        json.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(json, c);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static void unicode(StringBuilder json, char c) {
        String hex = Integer.toHexString(c);
        json.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) {
            json.append('0');
        }
        json.append(hex);
    }
}
