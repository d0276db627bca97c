package org.opsbench.rest.tests;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import org.opsbench.core.Principal;
import org.opsbench.security.ApiToken;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;
import org.opsbench.security.TokenException;

/**
 * An in-memory {@link ApiTokens} that follows the interface's contract, standing in for the security area's token store
 * (built in parallel) so that the REST runtime's handling of valid, unknown, expired and revoked tokens is tested end
 * to end over HTTP.
 */
public final class TestTokens implements ApiTokens {

    private record Entry(ApiToken token, Principal principal, String secret) {
    }

    private final Map<String, Entry> bySecret = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Issues a token for {@code principal} (no permission check: test set-up). */
    public String issue(Principal principal, Instant expiresAt) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes, 0, 4);
        String secret = "obt_" + id + "_" + HexFormat.of().formatHex(bytes, 4, 24);
        bySecret.put(secret, new Entry(new ApiToken(id, principal.name(), "test", Instant.now(), expiresAt, null,
                null), principal, secret));
        return secret;
    }

    @Override
    public IssuedToken issue(Principal caller, String user, String label, Instant expiresAt) {
        throw new UnsupportedOperationException("tests issue through issue(Principal, Instant)");
    }

    @Override
    public List<ApiToken> list(Principal caller, String user) {
        List<ApiToken> out = new ArrayList<>();
        bySecret.values().stream().filter(e -> e.token().user().equals(user)).forEach(e -> out.add(e.token()));
        return out;
    }

    @Override
    public void revoke(Principal caller, String tokenId) {
        Entry e = bySecret.values().stream().filter(x -> x.token().id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no token " + tokenId));
        ApiToken t = e.token();
        bySecret.put(e.secret(), new Entry(new ApiToken(t.id(), t.user(), t.label(), t.createdAt(), t.expiresAt(),
                t.lastUsedAt(), Instant.now()), e.principal(), e.secret()));
    }

    /** The id of token {@code secret}. */
    public String idOf(String secret) {
        return bySecret.get(secret).token().id();
    }

    @Override
    public Principal authenticate(String secret) throws TokenException {
        Entry e = bySecret.get(secret);
        if (e == null) {
            throw new TokenException(TokenException.Reason.UNKNOWN);
        }
        if (e.token().revokedAt() != null) {
            throw new TokenException(TokenException.Reason.REVOKED);
        }
        if (!Instant.now().isBefore(e.token().expiresAt())) {
            throw new TokenException(TokenException.Reason.EXPIRED);
        }
        return e.principal();
    }
}
