package org.opsbench.ssh.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the SSH service, PID {@value JschRemoteShell#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.ssh.xml} in step: Tycho generates DS XML from annotations, not metatype XML.
 */
@ObjectClassDefinition(id = JschRemoteShell.PID, name = "Opsbench SSH", description = "Remote commands and transfers over SSH")
public @interface SshConfig {

    @AttributeDefinition(name = "Connect timeout (s)", description = "Bound on connecting, key exchange and login", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Idle timeout (s)", description = "An unused session is closed after this time", min = "1")
    int idleTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Maximum sessions", description = "SSH connections open at once, over all hosts; callers beyond it wait", min = "1")
    int maxSessions() default 16;

    @AttributeDefinition(name = "Keep-alive interval (s)", description = "Keep-alive messages on open sessions", min = "1")
    int keepAliveIntervalSeconds() default 15;

    @AttributeDefinition(name = "known_hosts file", description = "Empty: <workspace>/ssh/known_hosts", required = false)
    String knownHostsFile() default "";
}
