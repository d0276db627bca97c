package com.example.opsbench.tlsexpiry;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** Declares the permission of this extension; it shows in the role editor while the bundle is installed. */
@Component(service = PermissionSet.class)
public final class TlsExpiryPermissions implements PermissionSet {

    /** See the certificate expiry report. */
    public static final String READ = "tlsexpiry:read";

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(PermissionDeclaration.of(READ, "See TLS certificate expiry reports", BuiltInRole.VIEWER,
                BuiltInRole.OPERATOR));
    }
}
