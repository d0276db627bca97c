package org.opsbench.security.ops.internal.service;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.security.ops.SecOpsPermissions;
import org.osgi.service.component.annotations.Component;

/** The security operations permissions and their built-in grants. */
@Component(service = PermissionSet.class)
public final class SecOpsPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(SecOpsPermissions.READ,
                        "See vulnerability findings, patch compliance, port audits and security signals",
                        BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(SecOpsPermissions.SCAN,
                        "Scan hosts for vulnerable packages, pending updates, open ports and failed logins",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(SecOpsPermissions.ACCEPT_RISK,
                        "Accept the risk of a finding for a while, or reopen it"),
                PermissionDeclaration.of(SecOpsPermissions.CONFIGURE,
                        "Import advisories, manage hosts, approve ports and rulesets, change settings"));
    }
}
