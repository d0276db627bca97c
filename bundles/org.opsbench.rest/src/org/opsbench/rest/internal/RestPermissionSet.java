package org.opsbench.rest.internal;

import java.util.List;

import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The permissions the REST runtime itself checks. */
@Component(service = PermissionSet.class)
public final class RestPermissionSet implements PermissionSet {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(PermissionDeclaration.of(ApiServlet.METRICS_PERMISSION,
                "Read the server's Prometheus metrics (/metrics)", BuiltInRole.OPERATOR, BuiltInRole.AUDITOR));
    }
}
