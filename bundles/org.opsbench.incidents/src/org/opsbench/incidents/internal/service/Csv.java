package org.opsbench.incidents.internal.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma separated, fields quoted with {@code "} when they hold commas, quotes or line breaks. */
final class Csv {

    /** One record and the line it starts on (1-based). */
    record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    Csv(Reader in) {
        // read() per character: buffered, unless the caller's reader already is
        this.in = in instanceof java.io.BufferedReader || in instanceof java.io.StringReader
                ? in
                : new java.io.BufferedReader(in, 1 << 16);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    /** The next record, or {@code null} at the end; blank lines are skipped. */
    Record next() throws IOException {
        while (true) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int c = read();
            if (c == -1) {
                return null;
            }
            boolean quoted = false;
            boolean any = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("line " + start + ": a quoted field is not closed");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = true;
                } else if (c == '\r') {
                    // CRLF: the LF ends the record
                } else if (c == '\n' || c == -1) {
                    line++;
                    break;
                } else {
                    field.append((char) c);
                    any = true;
                }
                c = read();
                if (c == -1 && !quoted) {
                    break;
                }
            }
            if (!any && field.isEmpty()) {
                if (c == -1) {
                    return null;
                }
                continue;
            }
            fields.add(field.toString());
            return new Record(start, fields);
        }
    }

    /** Writes one record. */
    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }
}
