package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.Group;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.Role;
import org.opsbench.security.SecurityPermissions;

/**
 * For each built-in role and each permission declared by the running bundles (security and ssh so far): the grant
 * matches the declaration, allowed checks pass, refused ones throw "not allowed: ..." and are audited; the services'
 * real calls follow the same matrix.
 */
class RbacMatrixTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    @Test
    void everyBuiltInRoleGetsExactlyItsDeclaredPermissionsAndEveryRefusalIsAudited() throws Exception {
        IdentityAdmin admin = RUNTIME.service(IdentityAdmin.class);
        AccessControl access = RUNTIME.service(AccessControl.class);
        AuditTrail trail = RUNTIME.service(AuditTrail.class);
        Principal root = RUNTIME.admin();
        List<PermissionDeclaration> declared = admin.declaredPermissions(root);
        assertTrue(declared.stream().anyMatch(d -> d.permission().equals("ssh:hostkeys:write")),
                "the ssh bundle declares its permission: " + declared);
        assertTrue(declared.stream().anyMatch(d -> d.permission().equals(SecurityPermissions.VAULT_READ)));

        for (BuiltInRole role : BuiltInRole.values()) {
            String login = "u-" + role.roleName();
            admin.createUser(root, login, role.name(), "", "Matrix-Password-1".toCharArray(),
                    Set.of(role.roleName()));
            Principal user = Principal.user(login, role.name());
            for (PermissionDeclaration d : declared) {
                boolean expected = role == BuiltInRole.ADMINISTRATOR || d.grantedTo().contains(role);
                assertEquals(expected, access.isAllowed(user, d.permission()), role + " / " + d.permission());
                if (expected) {
                    access.check(user, d.permission());
                } else {
                    NotAllowedException e = assertThrows(NotAllowedException.class,
                            () -> access.check(user, d.permission()));
                    assertEquals("not allowed: " + d.permission(), e.getMessage());
                    assertEquals(d.permission(), e.permission());
                    assertTrue(trail.search(root, new AuditQuery(null, null, login, "permission", d.permission(), 1))
                            .stream().anyMatch(r -> r.entry().action().equals("security.denied")),
                            "refusal of " + d.permission() + " to " + role + " is audited");
                }
            }
        }
    }

    @Test
    void servicesFollowTheMatrix() throws Exception {
        IdentityAdmin admin = RUNTIME.service(IdentityAdmin.class);
        SecretStore vault = RUNTIME.service(SecretStore.class);
        AuditTrail trail = RUNTIME.service(AuditTrail.class);
        Principal root = RUNTIME.admin();
        Map<String, Consumer<Principal>> calls = Map.of(
                SecurityPermissions.IDENTITY_READ, p -> admin.users(p),
                SecurityPermissions.AUDIT_READ, p -> trail.verify(p),
                SecurityPermissions.VAULT_LIST, p -> vault.list(p),
                SecurityPermissions.VAULT_READ, p -> vault.lookup(p, "none"),
                SecurityPermissions.VAULT_WRITE, p -> vault.delete(p, "none"),
                SecurityPermissions.IDENTITY_WRITE, p -> admin.saveRole(p, new Role("tmp", "", Set.of(), false)));
        for (BuiltInRole role : BuiltInRole.values()) {
            String login = "s-" + role.roleName();
            admin.createUser(root, login, login, "", "Matrix-Password-1".toCharArray(), Set.of(role.roleName()));
            Principal user = Principal.user(login, login);
            for (var call : calls.entrySet()) {
                boolean expected = RUNTIME.service(AccessControl.class).isAllowed(user, call.getKey());
                if (expected) {
                    call.getValue().accept(user);
                } else {
                    assertThrows(NotAllowedException.class, () -> call.getValue().accept(user),
                            role + " must not " + call.getKey());
                }
            }
        }
    }

    @Test
    void groupsAndCustomRolesGrantAndChangesApplyAtOnce() throws Exception {
        IdentityAdmin admin = RUNTIME.service(IdentityAdmin.class);
        AccessControl access = RUNTIME.service(AccessControl.class);
        Principal root = RUNTIME.admin();
        admin.createUser(root, "grouped", "Grouped", "", "Group-Password-1".toCharArray(), Set.of());
        Principal user = Principal.user("grouped", "Grouped");
        assertFalse(access.isAllowed(user, "ssh:hostkeys:write"));

        admin.saveRole(root, new Role("keykeeper", "host keys only", Set.of("ssh:hostkeys:write"), false));
        admin.saveGroup(root, new Group("ops", "", Set.of("keykeeper"), Set.of("grouped")));
        assertTrue(access.isAllowed(user, "ssh:hostkeys:write"));
        assertFalse(access.isAllowed(user, SecurityPermissions.VAULT_READ));

        admin.setEnabled(root, "grouped", false);
        assertFalse(access.isAllowed(user, "ssh:hostkeys:write"), "a disabled user holds nothing");
        assertThrows(IllegalArgumentException.class,
                () -> admin.saveRole(root, new Role("operator", "", Set.of("x:y"), false)));
    }

    @Test
    void unknownUsersHoldNothingAndSystemPrincipalsEverything() throws Exception {
        AccessControl access = RUNTIME.service(AccessControl.class);
        assertFalse(access.isAllowed(Principal.user("ghost", null), SecurityPermissions.IDENTITY_READ));
        assertTrue(access.isAllowed(Principal.system("scheduler"), SecurityPermissions.VAULT_READ));
        assertFalse(access.isAllowed(Principal.system("console"), "ssh:hostkeys:write"),
                "a console command must act as the logged-in user");
        assertTrue(access.isAllowed(RUNTIME.admin(), "undeclared:anything"));
    }
}
