package org.opsbench.incidents;

/**
 * Input was refused: {@link #field()} names the offending field (for a CSV import the message also names the line).
 * Nothing was written.
 */
public class InvalidTicketException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A refusal of {@code field}. */
    public InvalidTicketException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field that was wrong, for example {@code title} or {@code urgency}. */
    public String field() {
        return field;
    }
}
