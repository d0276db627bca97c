package org.opsbench.security;

/** An API token was refused; {@link #reason()} says why. The message never contains the token's secret. */
public final class TokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token is refused. */
    public enum Reason {
        /** No token has this secret (or it is malformed). */
        UNKNOWN,
        /** The token's expiry has passed. */
        EXPIRED,
        /** The token was revoked. */
        REVOKED,
        /** The token's user is disabled. */
        DISABLED
    }

    private final Reason reason;

    /** A refusal for {@code reason}. */
    public TokenException(Reason reason) {
        super(switch (reason) {
            case UNKNOWN -> "unknown API token";
            case EXPIRED -> "the API token has expired";
            case REVOKED -> "the API token was revoked";
            case DISABLED -> "the API token's user is disabled";
        });
        this.reason = reason;
    }

    /** Why the token was refused. */
    public Reason reason() {
        return reason;
    }
}
