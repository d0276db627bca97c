package org.opsbench.monitoring;

/**
 * Parameters the scheduler adds to every {@link org.opsbench.core.spi.CheckContext} from the host definition, so that
 * check types reaching the host over SSH know how. Check definitions cannot set them.
 */
public final class CheckParameters {

    /** The SSH user, absent when the host has none. */
    public static final String SSH_USER = "ssh.user";
    /** The SSH port. */
    public static final String SSH_PORT = "ssh.port";
    /** The vault alias of the SSH password or private key. */
    public static final String SSH_CREDENTIAL = "ssh.credential";
    /** The host's name (the address is {@link org.opsbench.core.spi.CheckContext#address()}). */
    public static final String HOST_NAME = "host.name";

    private CheckParameters() {
    }

    /** Whether {@code name} is reserved for the scheduler. */
    public static boolean reserved(String name) {
        return name.startsWith("ssh.") || name.startsWith("host.");
    }
}
