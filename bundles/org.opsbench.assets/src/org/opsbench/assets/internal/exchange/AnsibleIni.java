package org.opsbench.assets.internal.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.assets.InvalidItemException;

/** The Ansible inventory INI format: read (hosts, groups, {@code :vars}, {@code :children}, ranges) and write. */
public final class AnsibleIni {

    private static final Pattern SECTION = Pattern.compile("\\[([^\\]:\\s]+)(?::(vars|children))?\\]");
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+):(\\d+)\\]");

    private AnsibleIni() {
    }

    /** Parses {@code text}; a bad line throws naming it. */
    public static Inventory parse(String text) {
        Inventory inv = new Inventory();
        String group = "ungrouped";
        String mode = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher m = SECTION.matcher(line);
                if (!m.matches()) {
                    throw new InvalidItemException("line " + n, "not a section header: " + line);
                }
                group = m.group(1);
                mode = m.group(2) == null ? "hosts" : m.group(2);
                continue;
            }
            List<String> tokens = split(line, n);
            switch (mode) {
                case "vars" -> {
                    String[] kv = keyValue(tokens.get(0), n);
                    inv.groupVar(group, kv[0], kv.length > 1 ? kv[1] : "");
                }
                case "children" -> inv.child(group, tokens.get(0));
                default -> {
                    for (String name : expand(tokens.get(0), n)) {
                        InventoryHost h = inv.host(name, n);
                        inv.inGroup(group, name);
                        for (String t : tokens.subList(1, tokens.size())) {
                            String[] kv = keyValue(t, n);
                            h.vars.put(kv[0], kv[1]);
                        }
                    }
                }
            }
        }
        return inv;
    }

    private static String[] keyValue(String token, int n) {
        int eq = token.indexOf('=');
        if (eq <= 0) {
            throw new InvalidItemException("line " + n, "expected key=value, was '" + token + "'");
        }
        return new String[]{token.substring(0, eq).strip(), token.substring(eq + 1).strip()};
    }

    /** Splits on blanks, honouring single and double quotes (which are removed). */
    static List<String> split(String line, int n) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                any = true;
            } else if (ch == '#' && cur.isEmpty() && !any) {
                break;
            } else if (Character.isWhitespace(ch)) {
                if (any || !cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
            }
        }
        if (quote != 0) {
            throw new InvalidItemException("line " + n, "unclosed quote");
        }
        if (any || !cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** {@code web[01:03]} as web01, web02, web03. */
    static List<String> expand(String pattern, int n) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (to < from || to - from > 10_000) {
            throw new InvalidItemException("line " + n, "bad host range " + m.group());
        }
        int width = m.group(1).length();
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String num = width > 1 ? String.format("%0" + width + "d", i) : Integer.toString(i);
            out.addAll(expand(pattern.substring(0, m.start()) + num + pattern.substring(m.end()), n));
        }
        return out;
    }

    /** Writes hosts (name to variables) and groups (name to host names) as an INI inventory. */
    public static String write(String header, Map<String, Map<String, String>> hosts,
            Map<String, List<String>> groups) {
        StringBuilder out = new StringBuilder("# ").append(header).append('\n');
        // every host with its variables once, ungrouped section first (before any header)
        for (Map.Entry<String, Map<String, String>> h : hosts.entrySet()) {
            out.append(h.getKey());
            h.getValue().forEach((k, v) -> out.append(' ').append(k).append('=').append(quote(v)));
            out.append('\n');
        }
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            out.append('\n').append('[').append(g.getKey()).append("]\n");
            g.getValue().forEach(h -> out.append(h).append('\n'));
        }
        return out.toString();
    }

    private static String quote(String v) {
        return v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#' || c == '=')
                ? "\"" + v + "\""
                : v;
    }

    /** Whether {@code v} can be written as a variable value. */
    public static boolean writable(String v) {
        return v.chars().noneMatch(c -> c == '"' || c == '\'' || c == '\\' || c == '\n' || c == '\r');
    }
}
