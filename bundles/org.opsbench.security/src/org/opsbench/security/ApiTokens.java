package org.opsbench.security;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * API tokens: long-lived credentials for programs that call the server's REST API. A token belongs to one user and acts
 * with that user's permissions. Its secret is shown once, at issue, and only a hash of it is stored; a token can be
 * revoked and expires at a set time.
 *
 * <p>
 * Issuing, listing and revoking one's own tokens needs {@code security:tokens}; doing it for another user needs
 * {@code security:admin}. Every issue and revoke is audited; the secret never appears in the audit log or any log.
 */
@ProviderType
public interface ApiTokens {

    /**
     * Issues a new token for {@code user}, labelled {@code label} (for the user's own reference, required), valid until
     * {@code expiresAt} (required, in the future). The returned secret is the only copy.
     *
     * @throws IllegalArgumentException
     *             naming the field that is wrong (user unknown, label blank, expiry not in the future)
     */
    IssuedToken issue(Principal caller, String user, String label, Instant expiresAt);

    /** Tokens of {@code user}, newest first, revoked and expired ones included (without secrets). */
    List<ApiToken> list(Principal caller, String user);

    /**
     * Revokes the token {@code tokenId}; later calls with it are refused. Revoking a revoked token changes nothing.
     *
     * @throws java.util.NoSuchElementException
     *             when there is no such token
     */
    void revoke(Principal caller, String tokenId);

    /**
     * The principal that the token secret {@code secret} stands for, recording its last use.
     *
     * @throws TokenException
     *             naming why it is refused (unknown, expired, revoked, user disabled)
     */
    Principal authenticate(String secret) throws TokenException;
}
