package org.opsbench.ssh.internal;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.ssh.RemoteShell;
import org.osgi.service.component.annotations.Component;

/** The permissions the SSH bundle checks, declared for the role editor and the built-in roles. */
@Component(service = PermissionSet.class)
public final class SshPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(PermissionDeclaration.of(RemoteShell.PERMISSION_HOST_KEYS,
                "Approve and remove SSH host keys (known_hosts)", BuiltInRole.ADMINISTRATOR, BuiltInRole.OPERATOR));
    }
}
