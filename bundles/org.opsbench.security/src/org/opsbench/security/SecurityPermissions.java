package org.opsbench.security;

/** The permissions the security area declares and checks. */
public final class SecurityPermissions {

    /** Read users, groups, roles and permissions. */
    public static final String IDENTITY_READ = "security:identity:read";
    /** Create, change and delete users, groups and roles. */
    public static final String IDENTITY_WRITE = "security:identity:write";
    /** Search, export and verify the audit trail. */
    public static final String AUDIT_READ = "security:audit:read";
    /** List the aliases of the vault (never values). */
    public static final String VAULT_LIST = "security:vault:list";
    /** Read secret values. */
    public static final String VAULT_READ = "security:vault:read";
    /** Store and delete secrets. */
    public static final String VAULT_WRITE = "security:vault:write";
    /** Rotate the master key of the vault. */
    public static final String VAULT_ROTATE = "security:vault:rotate";

    /** Issue, list and revoke one's own API tokens. */
    public static final String TOKENS = "security:tokens";
    /** Issue, list and revoke the API tokens of other users. */
    public static final String ADMIN = "security:admin";

    private SecurityPermissions() {
    }
}
