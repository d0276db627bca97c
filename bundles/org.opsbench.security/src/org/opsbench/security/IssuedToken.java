package org.opsbench.security;

/**
 * A token just issued, with its secret: the only time the secret is available. {@link #toString()} leaves the secret
 * out so that it never reaches a log by accident.
 *
 * @param token
 *            the token as it will be listed
 * @param secret
 *            the secret to hand to the caller once
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=***]";
    }
}
