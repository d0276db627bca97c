package org.opsbench.changes;

/** Input was refused; the message starts with the field at fault (for example {@code plannedEnd: ...}). */
public class InvalidChangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** For {@code field}, with a reason for humans. */
    public InvalidChangeException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** The field at fault. */
    public String field() {
        return field;
    }
}
