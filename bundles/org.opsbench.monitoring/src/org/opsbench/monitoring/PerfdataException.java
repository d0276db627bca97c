package org.opsbench.monitoring;

/** Performance data that does not follow the Nagios plugin API; the message names the offending token. */
public final class PerfdataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String token;

    /** A failure on {@code token}. */
    public PerfdataException(String token, String reason) {
        super(reason + " in perfdata token '" + token + "'");
        this.token = token;
    }

    /** The token that could not be read. */
    public String token() {
        return token;
    }
}
