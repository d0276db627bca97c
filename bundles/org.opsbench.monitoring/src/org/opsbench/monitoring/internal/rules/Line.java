package org.opsbench.monitoring.internal.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a rule test file split into tokens: words separated by blanks, {@code "quoted text"} as one token
 * ({@code \"} and {@code \\} inside), {@code #} to the end of the line a comment (outside quotes).
 *
 * @param number
 *            the line number, from 1
 * @param tokens
 *            the tokens, none for a blank or comment line
 */
record Line(int number, List<Token> tokens) {

    /** A word or a quoted text. */
    record Token(String text, boolean quoted) {
    }

    static Line of(int number, String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i++);
                    if (q == '\\' && i < n) {
                        quoted.append(text.charAt(i++));
                    } else if (q == '"') {
                        closed = true;
                        break;
                    } else {
                        quoted.append(q);
                    }
                }
                if (!closed) {
                    throw new ParseError(number, "unterminated quote: \"" + quoted);
                }
                tokens.add(new Token(quoted.toString(), true));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '#') {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), false));
            }
        }
        return new Line(number, List.copyOf(tokens));
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    String directive() {
        return tokens.get(0).text();
    }

    /** A parse error on this line. */
    ParseError error(String message) {
        return new ParseError(number, message);
    }

    /** A problem on one line of a rule test file; the parser collects them. */
    static final class ParseError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int line;

        ParseError(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
