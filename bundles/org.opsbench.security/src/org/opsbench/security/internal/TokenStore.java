package org.opsbench.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opsbench.security.ApiToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API tokens in {@code SECURITY_API_TOKEN}: the public id, the owner, and the SHA-256 of the secret (never the secret).
 * No checks and no audit here: {@link ApiTokenService} does both.
 */
@Component(service = TokenStore.class)
public final class TokenStore {

    /** A token with its stored hash (which never leaves this bundle). */
    record StoredToken(ApiToken token, String secretHash) {
    }

    private static final String COLUMNS = "ID, LOGIN, LABEL, CREATED, EXPIRES, LAST_USED, REVOKED, SECRET_HASH";

    private final Jdbc jdbc;

    @Activate
    public TokenStore(@Reference SecurityDatabase database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    void insert(ApiToken token, String secretHash) {
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO SECURITY_API_TOKEN (ID, LOGIN, LABEL, SECRET_HASH, CREATED, EXPIRES)"
                + " VALUES (?, ?, ?, ?, ?, ?)", token.id(), token.user(), token.label(), secretHash,
                token.createdAt().toEpochMilli(), token.expiresAt().toEpochMilli()));
    }

    Optional<StoredToken> byId(String id) {
        return jdbc.tx(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM SECURITY_API_TOKEN WHERE ID = ?",
                rs -> new StoredToken(token(rs), rs.getString(8)), id).stream().findFirst());
    }

    /** The tokens of {@code login}, newest first. */
    List<ApiToken> ofUser(String login) {
        return jdbc.tx(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM SECURITY_API_TOKEN WHERE LOGIN = ?"
                + " ORDER BY CREATED DESC, ID", TokenStore::token, login));
    }

    /** Marks {@code id} revoked at {@code when} unless it is already; whether it changed. */
    boolean revoke(String id, Instant when) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_API_TOKEN SET REVOKED = ? WHERE ID = ? AND REVOKED IS NULL",
                when.toEpochMilli(), id) == 1);
    }

    void touch(String id, Instant when) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_API_TOKEN SET LAST_USED = ? WHERE ID = ?", when.toEpochMilli(),
                id));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4)),
                instant(rs.getObject(5)), instant(rs.getObject(6)), instant(rs.getObject(7)));
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
