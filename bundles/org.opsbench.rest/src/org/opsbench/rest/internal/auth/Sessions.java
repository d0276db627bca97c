package org.opsbench.rest.internal.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opsbench.core.Principal;

/**
 * Session tokens of {@code POST /api/v1/session}: random, held in memory only (a restart ends every session), ended
 * after an idle timeout or by {@code DELETE /api/v1/session}.
 */
public final class Sessions {

    /** Session tokens start with this, so they are told apart from API tokens at a glance. */
    public static final String PREFIX = "obs_";

    private record Session(Principal principal, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    /** Sessions that end after {@code idle} without use. */
    public Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** The idle timeout. */
    public Duration idle() {
        return idle;
    }

    /** Opens a session for {@code principal} and returns its token. */
    public String open(Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(principal, clock.instant()));
        if (sessions.size() % 256 == 0) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> expired(s, now));
        }
        return token;
    }

    /** The principal of a live session {@code token}, touching it. */
    public Optional<Principal> use(String token) {
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(token,
                (t, current) -> expired(current, now) ? null : new Session(current.principal(), now));
        return s == null ? Optional.empty() : Optional.of(s.principal());
    }

    /** Ends session {@code token}; returns its principal if it was live. */
    public Optional<Principal> close(String token) {
        Session s = sessions.remove(token);
        return s == null || expired(s, clock.instant()) ? Optional.empty() : Optional.of(s.principal());
    }

    /** How many sessions are open. */
    public int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !s.lastUsed().plus(idle).isAfter(now);
    }
}
