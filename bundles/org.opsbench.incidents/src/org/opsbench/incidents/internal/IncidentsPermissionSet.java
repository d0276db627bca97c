package org.opsbench.incidents.internal;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.incidents.IncidentsPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions the incidents area checks, declared for the role editor and the built-in roles. */
@Component(service = PermissionSet.class)
public final class IncidentsPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(IncidentsPermissions.READ,
                        "See tickets, problems, knowledge-base articles and service-desk metrics", BuiltInRole.VIEWER,
                        BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(IncidentsPermissions.WRITE,
                        "Log tickets, change them, move them through their lifecycle, write worklog, attach files",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(IncidentsPermissions.ASSIGN, "Assign and reassign tickets",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(IncidentsPermissions.IMPORT, "Import tickets from CSV"),
                PermissionDeclaration.of(IncidentsPermissions.PROBLEMS,
                        "Record problems, link incidents, publish known errors", BuiltInRole.OPERATOR),
                PermissionDeclaration.of(IncidentsPermissions.KNOWLEDGE, "Write knowledge-base articles",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(IncidentsPermissions.ADMIN,
                        "Configure assignment groups, the priority matrix, the calendar and SLA policies"));
    }
}
