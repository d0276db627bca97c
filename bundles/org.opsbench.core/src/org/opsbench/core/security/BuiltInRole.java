package org.opsbench.core.security;

/** The roles every installation has. Their permissions come from the {@link PermissionDeclaration declarations}. */
public enum BuiltInRole {
    /** Holds every declared permission. */
    ADMINISTRATOR("administrator"),
    /** Runs day-to-day operations: reads and changes operational data. */
    OPERATOR("operator"),
    /** Reads operational data only. */
    VIEWER("viewer"),
    /** Reads the audit trail and verifies it; changes nothing. */
    AUDITOR("auditor");

    private final String roleName;

    BuiltInRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name as stored and shown, for example {@code operator}. */
    public String roleName() {
        return roleName;
    }
}
