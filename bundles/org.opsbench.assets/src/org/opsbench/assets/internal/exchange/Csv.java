package org.opsbench.assets.internal.exchange;

import java.util.ArrayList;
import java.util.List;

import org.opsbench.assets.InvalidItemException;

/** RFC 4180 CSV: comma-separated, double quotes around fields with commas, quotes or line ends. */
public final class Csv {

    /**
     * A record and the line it starts on.
     *
     * @param line
     *            the line number, from 1
     * @param fields
     *            the fields
     */
    public record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    /** The records of {@code text}, blank lines skipped. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
            } else if (c == '"') {
                if (!cur.isEmpty()) {
                    throw new InvalidItemException("line " + line, "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(cur.toString());
                if (!(fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted)) {
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                cur.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new InvalidItemException("line " + start, "unclosed quote");
        }
        if (!cur.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(cur.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }

    /** One record as a line (with the line end). */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append('\n').toString();
    }
}
