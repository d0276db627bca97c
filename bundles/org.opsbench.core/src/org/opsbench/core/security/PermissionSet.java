package org.opsbench.core.security;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The permissions an area declares. Each area bundle (third-party ones too) registers one service of this type; the
 * security area gathers them dynamically, so a permission appears when its bundle starts and disappears when it stops.
 * A permission that is checked but declared by no service is refused to everyone but administrators.
 */
@ConsumerType
public interface PermissionSet {

    /** The declarations of this area. */
    List<PermissionDeclaration> permissions();
}
