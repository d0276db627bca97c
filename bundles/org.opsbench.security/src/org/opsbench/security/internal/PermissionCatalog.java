package org.opsbench.security.internal;

import java.util.List;
import java.util.Set;

import org.opsbench.core.security.PermissionDeclaration;

/** The declared permissions and the grant cache, for the admin service (implemented by the access control). */
public interface PermissionCatalog {

    List<PermissionDeclaration> declarations();

    /** The permissions {@code login} holds; every declared one for administrators. */
    Set<String> effective(String login);

    /** Drops cached grants after a change of users, groups or roles. */
    void invalidate();
}
