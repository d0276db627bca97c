package org.opsbench.rest.tests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.opsbench.core.Principal;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;

/**
 * The security area's real {@link ApiTokens} as the tests use it: issue a token for a user (as the admin), revoke it,
 * and let its expiry pass by moving the stored expiry into the past (the store refuses to issue an expired token).
 */
public final class Tokens {

    private final ApiTokens tokens;
    private final DataSource dataSource;
    private final Principal admin;
    private final Map<String, String> idBySecret = new ConcurrentHashMap<>();

    Tokens(ApiTokens tokens, DataSource dataSource, Principal admin) {
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.admin = admin;
    }

    /** Issues a token for {@code user} valid for an hour; answers its secret. */
    public String issue(String user) {
        IssuedToken issued = tokens.issue(admin, user, "rest test", Instant.now().plusSeconds(3600));
        idBySecret.put(issued.secret(), issued.token().id());
        return issued.secret();
    }

    /** Revokes the token {@code secret} as the admin. */
    public void revoke(String secret) {
        tokens.revoke(admin, idBySecret.get(secret));
    }

    /** Lets the token {@code secret} expire: its stored expiry moves a minute into the past. */
    public void expire(String secret) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE SECURITY_API_TOKEN SET EXPIRES = ? WHERE ID = ?")) {
            s.setLong(1, Instant.now().minusSeconds(60).toEpochMilli());
            s.setString(2, idBySecret.get(secret));
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no stored token " + idBySecret.get(secret));
            }
        }
    }
}
