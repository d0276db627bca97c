package org.opsbench.core.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission an area checks, declared as data so that administrators can see it, put it into roles and grant it.
 * Areas (third-party ones too) publish their declarations through a {@link PermissionSet} service.
 *
 * @param permission
 *            the permission string {@code <area>:<action>[:<detail>]}, for example {@code incidents:write}
 * @param description
 *            one line for humans, shown in the role editor
 * @param grantedTo
 *            the built-in roles that hold it by default; {@link BuiltInRole#ADMINISTRATOR} holds every declared
 *            permission whether listed or not
 */
public record PermissionDeclaration(String permission, String description, Set<BuiltInRole> grantedTo) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]*(:[a-z0-9*][a-z0-9._-]*)+");

    /** Validates the permission string and copies the role set. */
    public PermissionDeclaration {
        if (permission == null || !SHAPE.matcher(permission).matches()) {
            throw new IllegalArgumentException("a permission reads <area>:<action> in lower case, was: " + permission);
        }
        description = description == null ? "" : description;
        grantedTo = grantedTo == null ? Set.of() : Set.copyOf(grantedTo);
    }

    /** A declaration granted by default to {@code roles}. */
    public static PermissionDeclaration of(String permission, String description, BuiltInRole... roles) {
        return new PermissionDeclaration(permission, description, Set.of(roles));
    }

    /** The area part of the permission ({@code incidents} for {@code incidents:write}). */
    public String area() {
        return permission.substring(0, permission.indexOf(':'));
    }
}
