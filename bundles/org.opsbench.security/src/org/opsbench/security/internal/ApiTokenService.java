package org.opsbench.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.security.ApiToken;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;
import org.opsbench.security.SecurityPermissions;
import org.opsbench.security.TokenException;
import org.opsbench.security.TokenException.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * API tokens: issue, list, revoke (checked, audited, posted) and authenticate. Secrets are {@link TokenSecrets}: only
 * their SHA-256 is stored, looked up by the id part and compared in constant time.
 *
 * <p>
 * Guessing tokens does not get around the lock-out of password logins: a guess has to hit 256 random bits, and the REST
 * runtime rate-limits refused credentials per client address; refusals are posted as
 * {@code org/opsbench/security/LOGIN_FAILED} but not audited (an anonymous caller could flood the trail). The last use
 * is written at most once a minute per token.
 */
@Component(service = ApiTokens.class)
public final class ApiTokenService implements ApiTokens {

    private static final int MAX_LABEL = 200;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final TokenStore tokens;
    private final IdentityStore users;
    private final AccessControl access;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ApiTokenService(@Reference TokenStore tokens, @Reference IdentityStore users,
            @Reference AccessControl access, @Reference AuditLog audit, @Reference EventAdmin events) {
        this(tokens, users, access, audit, events, Clock.systemUTC());
    }

    /** With the clock that decides expiry and last use (tests pass one they move). */
    public ApiTokenService(TokenStore tokens, IdentityStore users, AccessControl access, AuditLog audit,
            EventAdmin events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(Principal caller, String user, String label, Instant expiresAt) {
        String login = checkFor(caller, user);
        if (users.user(login).isEmpty()) {
            throw new IllegalArgumentException("user: no such user: " + login);
        }
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty()) {
            throw new IllegalArgumentException("label: required");
        }
        if (cleanLabel.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label: at most " + MAX_LABEL + " characters");
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt: must be in the future, was " + expiresAt);
        }
        TokenSecrets.Fresh fresh = TokenSecrets.fresh(random);
        String id = fresh.id();
        String secret = fresh.secret();
        ApiToken token = new ApiToken(id, login, cleanLabel, millis(now), millis(expiresAt), null, null);
        tokens.insert(token, TokenSecrets.hash(secret));
        String summary = "issued API token " + id + " '" + cleanLabel + "' for " + login + ", valid until "
                + token.expiresAt();
        changed(caller, "security.token.issue", id, summary, null,
                "user=" + login + " label=" + cleanLabel + " expires=" + token.expiresAt());
        return new IssuedToken(token, secret);
    }

    @Override
    public List<ApiToken> list(Principal caller, String user) {
        return tokens.ofUser(checkFor(caller, user == null ? caller.name() : user));
    }

    @Override
    public void revoke(Principal caller, String tokenId) {
        access.check(caller, SecurityPermissions.TOKENS);
        ApiToken token = tokens.byId(tokenId == null ? "" : tokenId.strip()).map(TokenStore.StoredToken::token)
                .orElseThrow(() -> new NoSuchElementException("no such API token: " + tokenId));
        if (!token.user().equals(caller.name())) {
            access.check(caller, SecurityPermissions.ADMIN);
        }
        Instant now = millis(clock.instant());
        if (tokens.revoke(token.id(), now)) {
            changed(caller, "security.token.revoke", token.id(), "revoked API token " + token.id() + " '"
                    + token.label() + "' of " + token.user(), "active", "revoked=" + now);
        }
    }

    @Override
    public Principal authenticate(String secret) throws TokenException {
        Optional<TokenStore.StoredToken> found = TokenSecrets.idOf(secret).flatMap(tokens::byId);
        if (found.isEmpty() || !TokenSecrets.matches(secret, found.get().secretHash())) {
            throw refused(Reason.UNKNOWN, null);
        }
        ApiToken token = found.get().token();
        Instant now = clock.instant();
        if (token.revokedAt() != null) {
            throw refused(Reason.REVOKED, token);
        }
        if (!now.isBefore(token.expiresAt())) {
            throw refused(Reason.EXPIRED, token);
        }
        Optional<IdentityStore.StoredUser> user = users.user(token.user());
        if (user.isEmpty() || !user.get().user().enabled()) {
            throw refused(Reason.DISABLED, token);
        }
        if (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(TOUCH_EVERY))) {
            tokens.touch(token.id(), now);
        }
        return Principal.user(token.user(), user.get().user().displayName());
    }

    /** The login the caller acts on, after checking the caller may: own tokens or, for others, the admin's. */
    private String checkFor(Principal caller, String user) {
        access.check(caller, SecurityPermissions.TOKENS);
        String login = AuthenticationService.normalize(user);
        if (login.isEmpty()) {
            throw new IllegalArgumentException("user: required");
        }
        if (!login.equals(caller.name())) {
            access.check(caller, SecurityPermissions.ADMIN);
        }
        return login;
    }

    private TokenException refused(Reason reason, ApiToken token) {
        Map<String, Object> properties = new java.util.HashMap<>();
        if (token != null) {
            properties.put(EventProperties.PRINCIPAL, token.user());
        }
        properties.put(EventProperties.REASON,
                "API token refused: " + reason.name().toLowerCase(java.util.Locale.ROOT));
        properties.put(EventProperties.TIMESTAMP, clock.millis());
        events.postEvent(new Event(Topics.SECURITY_LOGIN_FAILED, properties));
        return new TokenException(reason);
    }

    private void changed(Principal caller, String action, String id, String summary, String before, String after) {
        audit.append(new AuditEntry(caller, action, "apitoken", id, summary, before, after));
        events.postEvent(new Event(Topics.SECURITY_IDENTITY_CHANGED, Map.of(EventProperties.PRINCIPAL, caller.name(),
                EventProperties.SUMMARY, summary, EventProperties.TIMESTAMP, clock.millis())));
    }

    /** Stored precision: milliseconds, so that what is returned equals what is listed later. */
    private static Instant millis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
