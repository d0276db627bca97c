package org.opsbench.backup;

/** Bad input to the backup service; the message starts with the field at fault. */
public final class InvalidDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A refusal of {@code field}. */
    public InvalidDefinitionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field that was wrong, for example {@code schedule} or {@code retention.daily}. */
    public String field() {
        return field;
    }
}
