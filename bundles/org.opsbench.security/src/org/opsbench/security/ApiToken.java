package org.opsbench.security;

import java.time.Instant;

/**
 * An API token as it is listed, without its secret.
 *
 * @param id
 *            the token's public identifier (part of the secret, never enough to use it)
 * @param user
 *            login of the user the token acts for
 * @param label
 *            the user's label for it
 * @param createdAt
 *            when it was issued
 * @param expiresAt
 *            when it stops working
 * @param lastUsedAt
 *            when it was last accepted, {@code null} if never
 * @param revokedAt
 *            when it was revoked, {@code null} if it is not
 */
public record ApiToken(String id, String user, String label, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** Whether the token is accepted at {@code now}. */
    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
