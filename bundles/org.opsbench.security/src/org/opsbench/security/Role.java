package org.opsbench.security;

import java.util.Set;

/**
 * A named set of permissions.
 *
 * @param name
 *            unique, lower case
 * @param description
 *            one line
 * @param permissions
 *            the permissions it grants (for a built-in role: those of the declarations that name it)
 * @param builtIn
 *            whether it is one of {@link org.opsbench.core.security.BuiltInRole} (those cannot be edited or deleted)
 */
public record Role(String name, String description, Set<String> permissions, boolean builtIn) {

    /** Copies the set. */
    public Role {
        permissions = Set.copyOf(permissions);
        description = description == null ? "" : description;
    }
}
