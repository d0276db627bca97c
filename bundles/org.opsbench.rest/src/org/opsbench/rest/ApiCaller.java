package org.opsbench.rest;

import jakarta.ws.rs.core.SecurityContext;

import org.opsbench.core.Principal;

/** Who calls: resources pass {@link #principal(SecurityContext)} to every service call. */
public final class ApiCaller {

    private ApiCaller() {
    }

    /**
     * The principal the runtime authenticated for this request.
     *
     * @throws ApiProblem
     *             401 when the request carries none (a resource never sees such a request; this is a safeguard)
     */
    public static Principal principal(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof ApiPrincipal caller) {
            return caller.principal();
        }
        throw ApiProblem.unauthorized("authentication required");
    }
}
