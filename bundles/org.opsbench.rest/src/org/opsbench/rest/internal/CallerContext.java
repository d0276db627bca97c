package org.opsbench.rest.internal;

import jakarta.ws.rs.core.SecurityContext;

import org.opsbench.rest.ApiPrincipal;

/** The {@link SecurityContext} of an authenticated request. Roles are not used: services check permissions. */
public record CallerContext(ApiPrincipal caller, boolean secure) implements SecurityContext {

    @Override
    public java.security.Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "BEARER";
    }
}
