package org.opsbench.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A monitored host as configured.
 *
 * @param name
 *            unique name, letters, digits and {@code . _ -}
 * @param address
 *            DNS name or IP address the checks connect to
 * @param ciId
 *            the configuration item this host is, or {@code null} (see
 *            {@link org.opsbench.core.cmdb.ConfigurationItems})
 * @param sshUser
 *            user for SSH checks, or {@code null} when the host is not reached over SSH
 * @param sshPort
 *            SSH port
 * @param credentialAlias
 *            vault alias of the password or private key for SSH, or {@code null}
 * @param parents
 *            names of hosts this one is reached through: when all of them are down, this host is UNREACHABLE and does
 *            not alert
 * @param hostCheck
 *            check type that decides whether the host is UP: {@code ping} (ICMP, falling back to TCP connect) or
 *            {@code tcp}, {@code ssh-command}...
 * @param hostCheckParameters
 *            parameters of the host check, as {@code key=value} pairs
 * @param interval
 *            how often the host check runs
 * @param maxAttempts
 *            how many failed host checks in a row make a HARD DOWN
 * @param enabled
 *            whether the host and its checks are run
 */
public record HostDefinition(String name, String address, String ciId, String sshUser, int sshPort,
        String credentialAlias, List<String> parents, String hostCheck, Map<String, String> hostCheckParameters,
        Duration interval, int maxAttempts, boolean enabled) {

    /** Copies the collections and fills defaults. */
    public HostDefinition {
        parents = parents == null ? List.of() : List.copyOf(parents);
        hostCheck = hostCheck == null || hostCheck.isBlank() ? "ping" : hostCheck;
        hostCheckParameters = hostCheckParameters == null
                ? Map.of()
                : Map.copyOf(hostCheckParameters);
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        sshPort = sshPort == 0 ? 22 : sshPort;
        maxAttempts = maxAttempts == 0 ? 3 : maxAttempts;
    }

    /** A host checked by ping every minute, without SSH. */
    public static HostDefinition of(String name, String address) {
        return new HostDefinition(name, address, null, null, 22, null, List.of(), "ping", Map.of(),
                Duration.ofMinutes(1), 3, true);
    }

    /** This host reached over SSH as {@code user} with the vault secret {@code credentialAlias}. */
    public HostDefinition withSsh(String user, int port, String alias) {
        return new HostDefinition(name, address, ciId, user, port, alias, parents, hostCheck, hostCheckParameters,
                interval, maxAttempts, enabled);
    }

    /** This host behind {@code parentNames}. */
    public HostDefinition withParents(List<String> parentNames) {
        return new HostDefinition(name, address, ciId, sshUser, sshPort, credentialAlias, parentNames, hostCheck,
                hostCheckParameters, interval, maxAttempts, enabled);
    }

    /** This host with another host check. */
    public HostDefinition withHostCheck(String type, Map<String, String> parameters, Duration every,
            int attempts) {
        return new HostDefinition(name, address, ciId, sshUser, sshPort, credentialAlias, parents, type, parameters,
                every, attempts, enabled);
    }

    /** This host linked to the configuration item {@code id}. */
    public HostDefinition withCi(String id) {
        return new HostDefinition(name, address, id, sshUser, sshPort, credentialAlias, parents, hostCheck,
                hostCheckParameters, interval, maxAttempts, enabled);
    }

    /** This host enabled or not. */
    public HostDefinition withEnabled(boolean on) {
        return new HostDefinition(name, address, ciId, sshUser, sshPort, credentialAlias, parents, hostCheck,
                hostCheckParameters, interval, maxAttempts, on);
    }
}
