package org.opsbench.changes.internal;

import java.util.List;

import org.opsbench.changes.ChangePermissions;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions the changes area checks. Operators request, schedule and implement changes; approving (being on the
 * change advisory board) is granted to administrators only by default: give it to a role of CAB members.
 */
@Component(service = PermissionSet.class)
public final class ChangePermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(ChangePermissions.READ,
                        "See changes, the change calendar, baselines and drift",
                        BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(ChangePermissions.WRITE,
                        "Request, edit, schedule, review and close changes; define baselines and host access",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(ChangePermissions.APPROVE,
                        "Assess, approve and reject changes (change advisory board); freezes, templates, baselines"),
                PermissionDeclaration.of(ChangePermissions.EXECUTE,
                        "Implement changes: run their steps and rollback over SSH; capture baselines",
                        BuiltInRole.OPERATOR));
    }
}
