package org.opsbench.security.ops;

/** Bad input: names the field (and the file and line or JSON path where it came from a file). */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** {@code field}: the message. */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field (or file and JSON path) at fault. */
    public String field() {
        return field;
    }
}
