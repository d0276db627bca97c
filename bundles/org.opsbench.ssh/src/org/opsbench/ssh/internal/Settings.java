package org.opsbench.ssh.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The effective configuration: {@link SshConfig} with the known-hosts path resolved.
 *
 * @param connectTimeout
 *            bound on TCP connect, key exchange and authentication
 * @param idleTimeout
 *            how long an unused session stays open
 * @param maxSessions
 *            sessions open at once, over all targets
 * @param maxChannelsPerSession
 *            commands or transfers at once on one session (OpenSSH allows 10 by default)
 * @param keepAlive
 *            interval of keep-alive messages on open sessions
 * @param knownHosts
 *            the known_hosts file
 */
record Settings(Duration connectTimeout, Duration idleTimeout, int maxSessions, int maxChannelsPerSession,
        Duration keepAlive, Path knownHosts) {

    /** Stay below OpenSSH's default {@code MaxSessions 10}. */
    static final int CHANNELS_PER_SESSION = 8;

    static Settings of(SshConfig config, Path workspace) {
        String override = config.knownHostsFile();
        Path knownHosts = override == null || override.isBlank()
                ? workspace.resolve("ssh").resolve("known_hosts")
                : Path.of(override.trim());
        return new Settings(Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, config.idleTimeoutSeconds())), Math.max(1, config.maxSessions()),
                CHANNELS_PER_SESSION, Duration.ofSeconds(Math.max(1, config.keepAliveIntervalSeconds())),
                knownHosts.toAbsolutePath());
    }
}
