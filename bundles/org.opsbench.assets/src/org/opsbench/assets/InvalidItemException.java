package org.opsbench.assets;

/** Input the CMDB refuses; the message names the field (and the line, for files). Nothing was written. */
public class InvalidItemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A refusal of {@code field} because of {@code problem}. */
    public InvalidItemException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field at fault, for example {@code attributes.warranty.end} or {@code line 4}. */
    public String field() {
        return field;
    }
}
