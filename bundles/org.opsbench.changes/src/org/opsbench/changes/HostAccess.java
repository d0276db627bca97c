package org.opsbench.changes;

/**
 * How the changes area reaches a configuration item's host over SSH.
 *
 * @param ciId
 *            the item's id
 * @param host
 *            host name or address
 * @param port
 *            SSH port
 * @param user
 *            login on the host
 * @param credentialAlias
 *            the vault alias of the password or private key
 */
public record HostAccess(String ciId, String host, int port, String user, String credentialAlias) {

    /** Validates the components; each message names the field at fault. */
    public HostAccess {
        require(ciId, "ciId");
        require(host, "host");
        require(user, "user");
        require(credentialAlias, "credentialAlias");
        if (port < 1 || port > 65535) {
            throw new InvalidChangeException("port", "between 1 and 65535, was " + port);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidChangeException(field, "required");
        }
    }
}
