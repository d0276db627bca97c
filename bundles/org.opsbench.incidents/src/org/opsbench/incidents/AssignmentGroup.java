package org.opsbench.incidents;

import java.util.Set;

/**
 * An assignment group (queue) and its members.
 *
 * @param name
 *            unique name, for example {@code network}
 * @param description
 *            one line
 * @param members
 *            logins of the members
 */
public record AssignmentGroup(String name, String description, Set<String> members) {

    /** Validates and copies. */
    public AssignmentGroup {
        if (name == null || !name.strip().matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}")) {
            throw new InvalidTicketException("name", "letters, digits, '.', '_', '-' and blanks, was '" + name + "'");
        }
        name = name.strip();
        description = description == null ? "" : description.strip();
        members = members == null ? Set.of() : Set.copyOf(members);
    }
}
