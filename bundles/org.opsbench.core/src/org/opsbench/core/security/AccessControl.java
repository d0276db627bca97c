package org.opsbench.core.security;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether a principal may do something. Permissions are strings {@code <area>:<action>}, such as
 * {@code incidents:write}, declared by the area that checks them. Implementations audit every refusal.
 */
@ProviderType
public interface AccessControl {

    /**
     * Returns normally when {@code principal} holds {@code permission}.
     *
     * @throws NotAllowedException
     *             when it does not; the refusal is audited
     */
    void check(Principal principal, String permission);

    /** Whether {@code principal} holds {@code permission}, without auditing a refusal (for enabling UI actions). */
    boolean isAllowed(Principal principal, String permission);
}
