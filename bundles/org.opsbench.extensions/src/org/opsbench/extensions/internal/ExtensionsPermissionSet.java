package org.opsbench.extensions.internal;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.extensions.ExtensionsPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions of the extensions service: reading is for auditors too, installing for administrators only. */
@Component(service = PermissionSet.class)
public final class ExtensionsPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(ExtensionsPermissions.READ,
                        "See installed bundles, their components and extension problems", BuiltInRole.OPERATOR,
                        BuiltInRole.AUDITOR),
                PermissionDeclaration.of(ExtensionsPermissions.INSTALL,
                        "Install and uninstall extension bundles"));
    }
}
