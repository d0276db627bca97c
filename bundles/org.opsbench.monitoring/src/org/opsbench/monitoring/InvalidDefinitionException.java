package org.opsbench.monitoring;

/**
 * A definition (host, check, rule, downtime) was refused; {@link #field()} names the offending field and the message
 * says what is wrong with it. Nothing was written.
 */
public final class InvalidDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A refusal of {@code field}. */
    public InvalidDefinitionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field that was wrong, for example {@code interval} or {@code parameters.port}. */
    public String field() {
        return field;
    }
}
