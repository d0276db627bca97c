package org.opsbench.backup.internal.service;

import java.util.List;

import org.opsbench.backup.BackupPermissions;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The backup area's permissions and their built-in grants. */
@Component(service = PermissionSet.class)
public final class BackupPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(BackupPermissions.READ, "See backup jobs, runs, drills and objectives",
                        BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(BackupPermissions.WRITE,
                        "Create, change and delete backup jobs and objectives; prune", BuiltInRole.OPERATOR),
                PermissionDeclaration.of(BackupPermissions.RUN, "Run backups now, cancel, verify and drill",
                        BuiltInRole.OPERATOR),
                PermissionDeclaration.of(BackupPermissions.RESTORE, "Restore backups onto hosts or into folders"));
    }
}
