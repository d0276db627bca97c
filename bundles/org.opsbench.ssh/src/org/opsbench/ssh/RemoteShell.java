package org.opsbench.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Runs commands and transfers files on remote hosts over SSH. An OSGi service.
 * <p>
 * <b>Host keys.</b> Every connection checks the host's key strictly against the known hosts (an OpenSSH
 * {@code known_hosts} file). An unknown key is refused with {@link SshFailure.Kind#UNKNOWN_HOST_KEY} and remembered as
 * the host's {@linkplain #pendingHostKey pending key} until someone {@linkplain #approveHostKey approves} it; a key
 * that differs from the known one is refused with {@link SshFailure.Kind#CHANGED_HOST_KEY} and reported as a critical
 * security event. Nothing is ever accepted silently.
 * <p>
 * <b>Sessions</b> are reused per host, port, user and credential, kept open while they serve commands and closed after
 * an idle time. Callers never see them.
 * <p>
 * <b>Timeouts</b> bound the whole call (waiting for a session, connecting, running). On timeout the remote command is
 * signalled and its channel closed; the call returns a {@link SshFailure.Kind#TIMEOUT} failure and never hangs.
 * <p>
 * <b>Output.</b> {@link #exec(SshTarget, String, Duration)} keeps up to {@value #MAX_CAPTURED_BYTES} bytes of each
 * stream; past that, the last {@value #MAX_CAPTURED_BYTES} bytes. The streaming variant hands all output to its
 * listener and keeps only the last {@value #STREAMED_TAIL_BYTES} bytes of each stream in the result.
 * <p>
 * Host-key changes ({@link #approveHostKey}, {@link #removeHostKey}) need the permission
 * {@value #PERMISSION_HOST_KEYS}, are audited and posted as events.
 */
public interface RemoteShell {

    /** The permission that {@link #approveHostKey} and {@link #removeHostKey} check. */
    String PERMISSION_HOST_KEYS = "ssh:hostkeys:write";

    /** How many bytes of each output stream the plain {@code exec} keeps. */
    int MAX_CAPTURED_BYTES = 16 * 1024 * 1024;

    /** How many bytes of each output stream the streaming {@code exec} keeps in its result. */
    int STREAMED_TAIL_BYTES = 64 * 1024;

    /**
     * Runs {@code command} through the remote user's shell and waits for it to end.
     *
     * @return {@link ExecResult.Completed} with the exit code as is, or {@link ExecResult.Failed}
     */
    ExecResult exec(SshTarget target, String command, Duration timeout);

    /**
     * Runs {@code command}, handing its output to {@code listener} as it arrives. The returned
     * {@link ExecResult.Completed} holds the last {@value #STREAMED_TAIL_BYTES} bytes of each stream.
     */
    ExecResult exec(SshTarget target, String command, Duration timeout, OutputListener listener);

    /**
     * Runs {@code command} with its standard input read from {@code stdin} (when not {@code null}; end of stream closes
     * the command's input) and its standard output written as bytes to {@code stdout}, unchanged: for binary streams
     * such as {@code tar -cf -} or {@code tar -xf -}. Neither stream is closed. The returned
     * {@link ExecResult.Completed} holds an empty {@code stdout} and the last {@value #STREAMED_TAIL_BYTES} bytes of
     * standard error. When {@code stdout} throws, the channel is closed and the result has exit code {@code -1}. The
     * command gets an SSH session of its own (not pooled), because a slow consumer of {@code stdout} holds up the
     * session's I/O: on a shared session it would stall, or deadlock with, other channels (such as an SFTP upload that
     * the same consumer feeds).
     *
     * @since 1.1
     */
    ExecResult exec(SshTarget target, String command, Duration timeout, InputStream stdin, OutputStream stdout);

    /** Copies the remote file {@code remotePath} into {@code sink} over SFTP. The sink is not closed. */
    TransferResult get(SshTarget target, String remotePath, OutputStream sink, Duration timeout);

    /**
     * Writes {@code source} to the remote file {@code remotePath} over SFTP, replacing it. The bytes go to a temporary
     * name in the same folder, which is renamed at the end: a failed put leaves no partial file under
     * {@code remotePath}. The source is not closed.
     */
    TransferResult put(SshTarget target, InputStream source, String remotePath, Duration timeout);

    /** The keys in the known hosts, one entry per host name and key. */
    List<HostKey> knownHosts();

    /** The last unknown key that {@code host:port} offered (in a refused connection or a scan), if any. */
    Optional<HostKey> pendingHostKey(String host, int port);

    /**
     * Connects to {@code host:port}, reads the key it offers and disconnects without authenticating. The key becomes
     * the host's pending key; it is not trusted by this.
     *
     * @throws SshException
     *             when no key could be read (refused, unreachable, timeout)
     */
    HostKey scanHostKey(String host, int port, Duration timeout);

    /**
     * Adds the pending key of {@code host:port} to the known hosts, after checking that its fingerprint is
     * {@code fingerprint} (as {@code SHA256:...}). Approving a key that is already known does nothing more.
     *
     * @throws org.opsbench.core.security.NotAllowedException
     *             when {@code who} lacks {@value #PERMISSION_HOST_KEYS}
     * @throws IllegalStateException
     *             when the host has no pending key, or the known hosts hold a different key of that type for the host
     *             (remove it first with {@link #removeHostKey})
     * @throws IllegalArgumentException
     *             when {@code fingerprint} does not match the pending key
     */
    void approveHostKey(Principal who, String host, int port, String fingerprint);

    /**
     * Removes every known key of {@code host:port}.
     *
     * @return whether there was one
     * @throws org.opsbench.core.security.NotAllowedException
     *             when {@code who} lacks {@value #PERMISSION_HOST_KEYS}
     */
    boolean removeHostKey(Principal who, String host, int port);
}
