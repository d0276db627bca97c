package org.opsbench.core.cmdb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A type of configuration item, declared as data by a {@link CiTypeDeclaration}: its id, a name for humans and the
 * attributes an item of the type may or must have.
 *
 * @param id
 *            stable id in lower case, for example {@code server} or {@code virtual-machine}
 * @param displayName
 *            name for humans, for example {@code Virtual machine}
 * @param attributes
 *            the attributes items of this type take; others are refused
 */
public record CiType(String id, String displayName, List<CiAttribute> attributes) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** Validates the id and copies the attribute list. */
    public CiType {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("CiType.id: lower-case letters, digits and '-', was: " + id);
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        attributes = List.copyOf(attributes);
    }

    /** A type with these attributes. */
    public static CiType of(String id, String displayName, CiAttribute... attributes) {
        return new CiType(id, displayName, List.of(attributes));
    }

    /** The attribute named {@code name}, or {@code null}. */
    public CiAttribute attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
