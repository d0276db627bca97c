package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.monitoring.MonitoringPermissions;

/** The monitoring permissions are declared as a service, with their default roles. */
class PermissionSetTest {

    @Test
    void monitoringPermissionsAreDeclaredWithTheirRoles() throws Exception {
        PermissionSet set = Osgi.service(PermissionSet.class, "(component.name=*Monitoring*)");
        Map<String, Set<BuiltInRole>> declared = set.permissions().stream()
                .collect(Collectors.toMap(PermissionDeclaration::permission, PermissionDeclaration::grantedTo));
        assertEquals(Map.of(
                MonitoringPermissions.READ, Set.of(BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                MonitoringPermissions.WRITE, Set.of(BuiltInRole.OPERATOR),
                MonitoringPermissions.ACKNOWLEDGE, Set.of(BuiltInRole.OPERATOR)), declared);
    }
}
