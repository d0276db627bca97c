package org.opsbench.security;

import java.util.Set;

/**
 * A group of users; its roles apply to every member.
 *
 * @param name
 *            unique, lower case
 * @param description
 *            one line
 * @param roles
 *            roles the members hold through the group
 * @param members
 *            logins of the members
 */
public record Group(String name, String description, Set<String> roles, Set<String> members) {

    /** Copies the sets. */
    public Group {
        roles = Set.copyOf(roles);
        members = Set.copyOf(members);
        description = description == null ? "" : description;
    }
}
