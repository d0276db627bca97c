package org.opsbench.security.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;

/**
 * The permission decision with a cache of each user's grants, so that a check on the hot path is two hash lookups. The
 * cache is dropped as a whole on any change of users, roles, groups or declarations (rare, and always correct). No OSGi
 * types: the benchmark runs it bare.
 */
public final class Authorizer {

    /** What a user holds: everything (administrator) or a set of permissions. */
    public record Grants(boolean all, Set<String> permissions) {

        /** Nothing (unknown or disabled user). */
        public static final Grants NONE = new Grants(false, Set.of());

        boolean holds(String permission) {
            return all || permissions.contains(permission);
        }
    }

    /** What console commands used before console login existed: it holds nothing. */
    static final String UNTRUSTED_SYSTEM = "system:console";

    private final Function<String, Grants> loader;
    private final BiConsumer<Principal, String> onDenied;
    private final Map<String, Grants> cache = new ConcurrentHashMap<>();
    private volatile String localAdministrator;

    /**
     * @param loader
     *            the grants of a user login, read from the store
     * @param onDenied
     *            audits a refusal
     */
    public Authorizer(Function<String, Grants> loader, BiConsumer<Principal, String> onDenied) {
        this.loader = loader;
        this.onDenied = onDenied;
    }

    /** The name of the single-user mode's local administrator, or {@code null} when that mode is off. */
    public void localAdministrator(String name) {
        this.localAdministrator = name;
    }

    public boolean isAllowed(Principal principal, String permission) {
        if (principal == null || permission == null) {
            return false;
        }
        if (principal.kind() == Principal.Kind.SYSTEM) {
            // components acting on their own schedule are trusted (audited under their system:<name>); but a console
            // command must act as the session's logged-in user (SessionKeys.PRINCIPAL), never as the system
            return !UNTRUSTED_SYSTEM.equals(principal.name());
        }
        String name = principal.name();
        if (name.equals(localAdministrator)) {
            return true;
        }
        return cache.computeIfAbsent(name, loader).holds(permission);
    }

    public void check(Principal principal, String permission) {
        if (!isAllowed(principal, permission)) {
            if (principal != null) {
                onDenied.accept(principal, permission);
            }
            throw new NotAllowedException(principal, permission);
        }
    }

    /** Forgets every cached grant. */
    public void invalidate() {
        cache.clear();
    }
}
