/**
 * Remote commands and file transfers over SSH, with strict host-key checking against an OpenSSH {@code known_hosts}
 * file.
 * <p>
 * {@link org.opsbench.ssh.RemoteShell} is the service; {@link org.opsbench.ssh.SshTarget} says where to go and as whom.
 * Expected failures (refused connection, wrong password, unknown or changed host key, timeout) come back as typed
 * results, never as exceptions, so checks and probes can report them as they are.
 */
package org.opsbench.ssh;
