package org.opsbench.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as administrators see it (never a password or its hash).
 *
 * @param login
 *            unique, lower case
 * @param displayName
 *            the human name
 * @param email
 *            may be empty
 * @param enabled
 *            whether the account may log in
 * @param lastLogin
 *            the last successful login, or {@code null}
 * @param roles
 *            roles granted directly
 * @param groups
 *            groups the user belongs to (their roles apply too)
 */
public record User(String login, String displayName, String email, boolean enabled, Instant lastLogin,
        Set<String> roles, Set<String> groups) {

    /** Copies the sets. */
    public User {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
        email = email == null ? "" : email;
    }
}
