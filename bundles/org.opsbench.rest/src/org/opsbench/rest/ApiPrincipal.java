package org.opsbench.rest;

import org.opsbench.core.Principal;

/**
 * The authenticated caller as the runtime puts it into a request's {@code SecurityContext}.
 *
 * @param principal
 *            the Opsbench principal every service call of this request runs as
 * @param scheme
 *            how it was authenticated: {@link #BEARER_TOKEN} or {@link #SESSION}
 */
public record ApiPrincipal(Principal principal, String scheme) implements java.security.Principal {

    /** Authenticated by an API token ({@code Authorization: Bearer <secret>}). */
    public static final String BEARER_TOKEN = "token";
    /** Authenticated by a session token from {@code POST /api/v1/session}. */
    public static final String SESSION = "session";

    /** Validates the components. */
    public ApiPrincipal {
        if (principal == null) {
            throw new IllegalArgumentException("principal is required");
        }
        scheme = scheme == null ? BEARER_TOKEN : scheme;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
