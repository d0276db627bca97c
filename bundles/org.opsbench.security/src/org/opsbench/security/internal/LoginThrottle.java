package org.opsbench.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock-out after repeated failed logins: after {@code maxFailures} failures in a row a login name is refused for
 * {@code delay}, whether or not the account exists (so the lock-out tells nothing about which accounts exist). Kept in
 * memory: a restart ends every lock-out.
 */
public final class LoginThrottle {

    private record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration delay;

    public LoginThrottle(Clock clock, int maxFailures, Duration delay) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.delay = delay;
    }

    /** The end of the lock-out of {@code login}, or {@code null} when it may try. */
    public Instant lockedUntil(String login) {
        State s = states.get(key(login));
        if (s == null || s.lockedUntil() == null) {
            return null;
        }
        if (!clock.instant().isBefore(s.lockedUntil())) {
            // the delay is over: a fresh series of attempts
            states.remove(key(login), s);
            return null;
        }
        return s.lockedUntil();
    }

    /** Counts a failure; returns the lock-out end when this failure started one. */
    public Instant failed(String login) {
        State s = states.merge(key(login), new State(1, null), (old, one) -> {
            int failures = old.failures() + 1;
            return new State(failures, failures >= maxFailures ? clock.instant().plus(delay) : null);
        });
        if (s.failures() >= maxFailures && s.lockedUntil() == null) {
            s = new State(s.failures(), clock.instant().plus(delay));
            states.put(key(login), s);
        }
        return s.lockedUntil();
    }

    /** Forgets the failures of {@code login} (successful login, or reset by an administrator). */
    public void succeeded(String login) {
        states.remove(key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
