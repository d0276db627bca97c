package org.opsbench.security.ops;

/**
 * A host security operations scans: a unique name, its SSH address, port, login and the vault alias of the login's key
 * or password, and optionally the configuration item it is ({@code ciId}, {@code ciType}; empty when none).
 */
public record ManagedHost(String name, String address, int port, String user, String credentialAlias, String ciId,
        String ciType) {

    /** Nulls become empty strings; port 0 becomes 22. */
    public ManagedHost {
        address = address == null ? "" : address;
        port = port <= 0 ? 22 : port;
        user = user == null ? "" : user;
        credentialAlias = credentialAlias == null ? "" : credentialAlias;
        ciId = ciId == null ? "" : ciId;
        ciType = ciType == null ? "" : ciType;
    }
}
