package org.opsbench.core.security;

import org.opsbench.core.Principal;

/** Thrown when a principal lacks a permission. The message reads {@code not allowed: <permission>}. */
public class NotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Principal principal;
    private final String permission;

    /** For {@code principal} lacking {@code permission}. */
    public NotAllowedException(Principal principal, String permission) {
        super("not allowed: " + permission);
        this.principal = principal;
        this.permission = permission;
    }

    /** Who was refused. */
    public Principal principal() {
        return principal;
    }

    /** The permission that was missing, for example {@code incidents:write}. */
    public String permission() {
        return permission;
    }
}
