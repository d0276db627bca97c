package org.opsbench.core;

import java.util.Objects;

/**
 * A reference to a configuration item (host, service, database, ...) as it crosses area boundaries. The CMDB owns the
 * item itself; other areas keep only this reference.
 *
 * @param id
 *            the stable id of the item in the CMDB, never blank
 * @param type
 *            the item type, for example {@code host} or {@code service}, never blank
 * @param name
 *            the display name at the time the reference was taken
 */
public record CiRef(String id, String type, String name) {

    /** Validates the components. */
    public CiRef {
        requireText(id, "id");
        requireText(type, "type");
        Objects.requireNonNull(name, "CiRef.name");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CiRef." + field + " must not be blank");
        }
    }
}
