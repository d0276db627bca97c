package org.opsbench.assets.internal;

import java.util.List;

import org.opsbench.assets.AssetPermissions;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The permissions the assets area checks, declared for the role editor and the built-in roles. */
@Component(service = PermissionSet.class)
public final class AssetsPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(AssetPermissions.READ,
                        "See configuration items, relationships, history, impact and license reports",
                        BuiltInRole.VIEWER, BuiltInRole.OPERATOR, BuiltInRole.AUDITOR),
                PermissionDeclaration.of(AssetPermissions.WRITE,
                        "Create, change, relate, delete and import configuration items", BuiltInRole.OPERATOR),
                PermissionDeclaration.of(AssetPermissions.DISCOVER, "Run discovery probes against hosts",
                        BuiltInRole.OPERATOR));
    }
}
