package org.opsbench.core;

/**
 * The party on whose behalf a service call runs: a logged-in user, or the system itself (scheduler, migrations). Every
 * state change records its principal in the audit log.
 *
 * @param name
 *            the login or component name, never blank
 * @param displayName
 *            a human name for lists and audit views
 * @param kind
 *            whether a person or the system acts
 */
public record Principal(String name, String displayName, Kind kind) {

    /** Who acts. */
    public enum Kind {
        /** A person who logged in. */
        USER,
        /** A component of Opsbench acting on its own schedule. */
        SYSTEM
    }

    /** Validates the components. */
    public Principal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Principal.name must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("Principal.kind is required");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** A user principal. */
    public static Principal user(String login, String displayName) {
        return new Principal(login, displayName, Kind.USER);
    }

    /** The principal of a system component, named {@code system:<component>}. */
    public static Principal system(String component) {
        return new Principal("system:" + component, "Opsbench " + component, Kind.SYSTEM);
    }
}
