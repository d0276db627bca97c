package org.opsbench.rest.internal.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.opsbench.core.Principal;
import org.opsbench.rest.ApiPrincipal;
import org.opsbench.rest.internal.ApiCore;
import org.opsbench.rest.internal.CallerContext;

/**
 * Authenticates every matched resource call (after matching, so an unknown path is a 404 and a wrong method a 405
 * before credentials are looked at) and puts the caller into the request's {@code SecurityContext}.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

    private final ApiCore core;
    @Context
    private HttpServletRequest servlet;

    AuthFilter(ApiCore core) {
        this.core = core;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Principal caller = core.authenticate(authorization, servlet.getRemoteAddr());
        request.setSecurityContext(new CallerContext(new ApiPrincipal(caller, ApiCore.scheme(authorization)),
                servlet.isSecure()));
    }
}
