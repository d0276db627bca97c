package org.opsbench.security.internal;

import static org.opsbench.core.security.BuiltInRole.ADMINISTRATOR;
import static org.opsbench.core.security.BuiltInRole.AUDITOR;
import static org.opsbench.core.security.BuiltInRole.OPERATOR;
import static org.opsbench.core.security.BuiltInRole.VIEWER;

import java.util.List;

import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.security.SecurityPermissions;
import org.osgi.service.component.annotations.Component;

/** The permissions of the security area. */
@Component(service = PermissionSet.class)
public final class SecurityPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.of(SecurityPermissions.IDENTITY_READ, "See users, groups and roles",
                        ADMINISTRATOR,
                        AUDITOR),
                PermissionDeclaration.of(SecurityPermissions.IDENTITY_WRITE, "Manage users, groups and roles",
                        ADMINISTRATOR),
                PermissionDeclaration.of(SecurityPermissions.AUDIT_READ, "Search, export and verify the audit trail",
                        ADMINISTRATOR, AUDITOR),
                PermissionDeclaration.of(SecurityPermissions.VAULT_LIST, "List credential aliases", ADMINISTRATOR,
                        OPERATOR),
                PermissionDeclaration.of(SecurityPermissions.VAULT_READ, "Use credential values", ADMINISTRATOR,
                        OPERATOR),
                PermissionDeclaration.of(SecurityPermissions.VAULT_WRITE, "Store and delete credentials",
                        ADMINISTRATOR),
                PermissionDeclaration.of(SecurityPermissions.VAULT_ROTATE, "Rotate the vault's master key",
                        ADMINISTRATOR),
                PermissionDeclaration.of(SecurityPermissions.TOKENS, "Issue, list and revoke one's own API tokens",
                        ADMINISTRATOR, OPERATOR, VIEWER, AUDITOR),
                PermissionDeclaration.of(SecurityPermissions.ADMIN, "Manage the API tokens of other users",
                        ADMINISTRATOR));
    }
}
