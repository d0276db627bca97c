package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opsbench.changes.ChangePermissions;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;

/**
 * The changes permissions are declared as a service with their default roles, and the real access control grants them
 * accordingly: approving is the board's, not an operator's.
 */
class PermissionSetTest {

    @Test
    void changesPermissionsAreDeclaredWithTheirRolesAndGranted() throws Exception {
        PermissionSet set = Osgi.service(PermissionSet.class, "(component.name=*ChangePermissionSet)");
        Map<String, Set<BuiltInRole>> declared = set.permissions().stream()
                .collect(Collectors.toMap(PermissionDeclaration::permission, PermissionDeclaration::grantedTo));
        assertEquals(Map.of(
                ChangePermissions.READ, Set.of(BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                ChangePermissions.WRITE, Set.of(BuiltInRole.OPERATOR),
                ChangePermissions.APPROVE, Set.of(),
                ChangePermissions.EXECUTE, Set.of(BuiltInRole.OPERATOR)), declared);
        People.ensure();
        AccessControl access = Osgi.service(AccessControl.class);
        assertTrue(access.isAllowed(People.OPERATOR, ChangePermissions.EXECUTE));
        assertFalse(access.isAllowed(People.OPERATOR, ChangePermissions.APPROVE));
        assertTrue(access.isAllowed(People.CAB_1, ChangePermissions.APPROVE));
        assertFalse(access.isAllowed(People.VIEWER, ChangePermissions.WRITE));
    }
}
