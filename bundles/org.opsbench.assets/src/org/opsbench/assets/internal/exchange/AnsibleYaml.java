package org.opsbench.assets.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.assets.InvalidItemException;

/**
 * The Ansible inventory YAML format, read and written through the small subset of YAML it uses: nested block mappings
 * ({@code key:} / {@code key: value}), plain, single- and double-quoted scalars, {@code null}, {@code ~} and
 * {@code {}}, comments. Sequences, anchors and multi-line scalars are refused with the line number.
 */
public final class AnsibleYaml {

    private record Line(int number, int indent, String key, String value) {
    }

    private AnsibleYaml() {
    }

    /** Parses an inventory. */
    public static Inventory parse(String text) {
        Map<String, Object> root = mapping(lines(text));
        Inventory inv = new Inventory();
        for (Map.Entry<String, Object> e : root.entrySet()) {
            group(inv, e.getKey(), e.getValue());
        }
        return inv;
    }

    @SuppressWarnings("unchecked")
    private static void group(Inventory inv, String name, Object body) {
        if (!(body instanceof Map)) {
            return; // an empty group
        }
        Map<String, Object> g = (Map<String, Object>) body;
        if (g.get("hosts") instanceof Map<?, ?> hosts) {
            for (Map.Entry<String, Object> h : ((Map<String, Object>) hosts).entrySet()) {
                InventoryHost host = inv.host(h.getKey(), 0);
                inv.inGroup(name, h.getKey());
                if (h.getValue() instanceof Map<?, ?> vars) {
                    vars.forEach((k, v) -> host.vars.put((String) k, v == null ? "" : scalarText(v)));
                }
            }
        }
        if (g.get("vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> inv.groupVar(name, (String) k, v == null ? "" : scalarText(v)));
        }
        if (g.get("children") instanceof Map<?, ?> children) {
            for (Map.Entry<String, Object> c : ((Map<String, Object>) children).entrySet()) {
                inv.child(name, c.getKey());
                group(inv, c.getKey(), c.getValue());
            }
        }
    }

    private static String scalarText(Object v) {
        if (v instanceof Map<?, ?>) {
            throw new InvalidItemException("vars", "nested values are not supported: " + v);
        }
        return v.toString();
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int n = 1; n <= raw.length; n++) {
            String l = raw[n - 1];
            if (l.contains("\t")) {
                throw new InvalidItemException("line " + n, "tabs are not allowed for indentation in YAML");
            }
            String stripped = l.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.equals("---") || stripped.equals("...")) {
                continue;
            }
            if (stripped.startsWith("- ") || stripped.equals("-") || stripped.startsWith("&")
                    || stripped.startsWith("*")) {
                throw new InvalidItemException("line " + n, "sequences and anchors are not supported here");
            }
            int indent = l.indexOf(stripped.charAt(0));
            int colon = keyEnd(stripped, n);
            String key = unquote(stripped.substring(0, colon).strip(), n);
            String value = stripComment(stripped.substring(colon + 1)).strip();
            out.add(new Line(n, indent, key, value));
        }
        return out;
    }

    private static int keyEnd(String s, int n) {
        if (s.startsWith("\"") || s.startsWith("'")) {
            int close = s.indexOf(s.charAt(0), 1);
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new InvalidItemException("line " + n, "expected \"key\": value");
            }
            return close + 1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        throw new InvalidItemException("line " + n, "expected key: value, was '" + s + "'");
    }

    private static String stripComment(String v) {
        String t = v.strip();
        if (t.startsWith("\"") || t.startsWith("'")) {
            char q = t.charAt(0);
            for (int i = 1; i < t.length(); i++) {
                char c = t.charAt(i);
                if (q == '"' && c == '\\') {
                    i++;
                } else if (c == q && q == '\'' && i + 1 < t.length() && t.charAt(i + 1) == '\'') {
                    i++;
                } else if (c == q) {
                    String rest = t.substring(i + 1).strip();
                    // a comment after the closing quote goes; anything else stays and is refused as unclosed
                    return rest.isEmpty() || rest.startsWith("#") ? t.substring(0, i + 1) : t;
                }
            }
            return t;
        }
        int hash = t.indexOf(" #");
        return hash >= 0 ? t.substring(0, hash) : (t.startsWith("#") ? "" : t);
    }

    private static Map<String, Object> mapping(List<Line> lines) {
        int[] at = {0};
        Map<String, Object> m = block(lines, at, lines.isEmpty() ? 0 : lines.get(0).indent);
        if (at[0] < lines.size()) {
            throw new InvalidItemException("line " + lines.get(at[0]).number, "unexpected indentation");
        }
        return m;
    }

    private static Map<String, Object> block(List<Line> lines, int[] at, int indent) {
        Map<String, Object> m = new LinkedHashMap<>();
        while (at[0] < lines.size()) {
            Line l = lines.get(at[0]);
            if (l.indent < indent) {
                break;
            }
            if (l.indent > indent) {
                throw new InvalidItemException("line " + l.number, "unexpected indentation");
            }
            at[0]++;
            if (l.value.isEmpty()) {
                if (at[0] < lines.size() && lines.get(at[0]).indent > indent) {
                    m.put(l.key, block(lines, at, lines.get(at[0]).indent));
                } else {
                    m.put(l.key, null);
                }
            } else {
                m.put(l.key, scalar(l.value, l.number));
            }
        }
        return m;
    }

    private static Object scalar(String v, int n) {
        if (v.equals("{}")) {
            return new LinkedHashMap<String, Object>();
        }
        if (v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
            return null;
        }
        if (v.startsWith("{") || v.startsWith("[") || v.startsWith("|") || v.startsWith(">")) {
            throw new InvalidItemException("line " + n, "flow collections and block scalars are not supported");
        }
        return unquote(v, n);
    }

    private static String unquote(String v, int n) {
        if (v.startsWith("\"")) {
            if (v.length() < 2 || !v.endsWith("\"")) {
                throw new InvalidItemException("line " + n, "unclosed double quote");
            }
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    char e = v.charAt(++i);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        if (v.startsWith("'")) {
            if (v.length() < 2 || !v.endsWith("'")) {
                throw new InvalidItemException("line " + n, "unclosed single quote");
            }
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v;
    }

    /** Writes hosts (name to variables) and groups (name to host names) as a YAML inventory under {@code all}. */
    public static String write(String header, Map<String, Map<String, String>> hosts,
            Map<String, List<String>> groups) {
        StringBuilder out = new StringBuilder("# ").append(header).append("\nall:\n");
        out.append(hosts.isEmpty() ? "  hosts: {}\n" : "  hosts:\n");
        for (Map.Entry<String, Map<String, String>> h : hosts.entrySet()) {
            out.append("    ").append(quote(h.getKey())).append(':');
            if (h.getValue().isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                h.getValue().forEach((k, v) -> out.append("      ").append(quote(k)).append(": ").append(quote(v))
                        .append('\n'));
            }
        }
        if (!groups.isEmpty()) {
            out.append("  children:\n");
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                out.append("    ").append(quote(g.getKey())).append(":\n      hosts:\n");
                g.getValue().forEach(h -> out.append("        ").append(quote(h)).append(": {}\n"));
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
