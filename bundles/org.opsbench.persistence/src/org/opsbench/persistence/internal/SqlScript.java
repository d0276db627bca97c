package org.opsbench.persistence.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits migration SQL into statements: a statement ends with {@code ;} at the end of a line; {@code --} starts a
 * comment to the end of the line unless it is inside a quoted string. Each statement keeps the line it starts on, so
 * errors can name it.
 */
public final class SqlScript {

    /** One statement of a script, without its terminating {@code ;}. */
    public record Statement(int line, String sql) {
    }

    private SqlScript() {
    }

    /** The statements of {@code script}, in order; blank and comment-only lines are dropped. */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = script.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean inQuote = false;
        for (int i = 0; i < lines.length; i++) {
            String code = stripComment(lines[i], inQuote);
            inQuote = endsInQuote(code, inQuote);
            if (code.isBlank() && current.isEmpty()) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            } else {
                current.append('\n');
            }
            String trimmed = code.stripTrailing();
            if (!inQuote && trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(statements, start, current);
            } else {
                current.append(code);
            }
        }
        add(statements, start, current);
        return statements;
    }

    private static void add(List<Statement> statements, int line, StringBuilder sql) {
        String text = sql.toString().strip();
        if (!text.isEmpty()) {
            statements.add(new Statement(line, text));
        }
        sql.setLength(0);
    }

    /** {@code line} without a trailing {@code --} comment that lies outside quotes. */
    private static String stripComment(String line, boolean inQuote) {
        boolean quoted = inQuote;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static boolean endsInQuote(String code, boolean inQuote) {
        boolean quoted = inQuote;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\'') {
                quoted = !quoted;
            }
        }
        return quoted;
    }
}
