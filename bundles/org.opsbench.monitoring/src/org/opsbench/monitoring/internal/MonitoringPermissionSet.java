package org.opsbench.monitoring.internal;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.monitoring.MonitoringPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions the monitoring area checks, declared for the role editor and the built-in roles. */
@Component(service = PermissionSet.class)
public final class MonitoringPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(MonitoringPermissions.READ, "See checks, their states and results",
                        BuiltInRole.VIEWER,
                        BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(MonitoringPermissions.WRITE, "Create, change and delete checks",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(MonitoringPermissions.ACKNOWLEDGE, "Acknowledge monitoring problems",
                        BuiltInRole.OPERATOR));
    }
}
