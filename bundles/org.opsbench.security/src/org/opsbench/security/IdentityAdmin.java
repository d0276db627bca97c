package org.opsbench.security;

import java.util.List;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.core.security.PermissionDeclaration;

/**
 * Administration of users, groups and roles. Every method takes the acting principal: reads need
 * {@value SecurityPermissions#IDENTITY_READ}, changes {@value SecurityPermissions#IDENTITY_WRITE}; every change is
 * audited and posted as {@code org/opsbench/security/IDENTITY_CHANGED}. Names are trimmed and lower-cased.
 *
 * @throws org.opsbench.core.security.NotAllowedException
 *             from every method when the actor lacks the permission
 */
public interface IdentityAdmin {

    /** All users, by login. */
    List<User> users(Principal actor);

    /** Creates an enabled user with an initial password (wiped by this method) and the given roles. */
    User createUser(Principal actor, String login, String displayName, String email, char[] password,
            Set<String> roles);

    /** Changes name and e-mail. */
    User updateUser(Principal actor, String login, String displayName, String email);

    /** Sets a new password (wiped by this method) without knowing the old one, and ends a lock-out. */
    void resetPassword(Principal actor, String login, char[] password);

    /** Enables or disables an account. An administrator cannot disable himself. */
    void setEnabled(Principal actor, String login, boolean enabled);

    /** Deletes a user; returns whether there was one. An administrator cannot delete himself. */
    boolean deleteUser(Principal actor, String login);

    /** Replaces the roles granted directly to a user. */
    void setUserRoles(Principal actor, String login, Set<String> roles);

    /** All groups, by name. */
    List<Group> groups(Principal actor);

    /** Creates or replaces a group. */
    Group saveGroup(Principal actor, Group group);

    /** Deletes a group; returns whether there was one. */
    boolean deleteGroup(Principal actor, String name);

    /** All roles, built-in ones first. */
    List<Role> roles(Principal actor);

    /** Creates or replaces a custom role. Built-in roles cannot be replaced. */
    Role saveRole(Principal actor, Role role);

    /** Deletes a custom role; returns whether there was one. */
    boolean deleteRole(Principal actor, String name);

    /** The permissions declared by the areas now running, by permission. */
    List<PermissionDeclaration> declaredPermissions(Principal actor);

    /** The permissions {@code login} holds now, through its roles and groups. */
    Set<String> effectivePermissions(Principal actor, String login);
}
