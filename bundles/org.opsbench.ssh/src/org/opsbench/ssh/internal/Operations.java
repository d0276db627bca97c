package org.opsbench.ssh.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.OutputListener;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.SshFailure.Kind;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.TransferResult;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;

/** Commands and SFTP transfers on pooled sessions, each bounded by its caller's timeout. */
final class Operations {

    /** How often a running command is looked at: JSch offers no completion callback. */
    private static final long POLL_MILLIS = 10;
    /**
     * Local window of a binary stream's channel: the server may send this much ahead of what was read (JSch's default
     * is 1 MiB; OpenSSH's own client uses 2 MiB).
     */
    static final int STREAM_WINDOW = 8 * 1024 * 1024;
    /**
     * Largest packet a binary stream's server may send (JSch's default is 16 KiB, at most 252 KiB): fewer, larger
     * packets cost less per byte to read, decrypt and hand on.
     */
    static final int STREAM_PACKET = 128 * 1024;
    /** Bound of opening the channel that removes the temp file of a failed put. */
    private static final int CLEANUP_TIMEOUT_MS = 5_000;

    private final SessionPool pool;
    private final ScheduledExecutorService timer;

    Operations(SessionPool pool, ScheduledExecutorService timer) {
        this.pool = pool;
        this.timer = timer;
    }

    ExecResult exec(SshTarget target, String command, Duration timeout, OutputListener listener) {
        return exec(target, command, timeout, listener, null, null);
    }

    /** Binary streams: stdin fed from {@code stdin} (or none), stdout as bytes to {@code stdout}. */
    ExecResult exec(SshTarget target, String command, Duration timeout, InputStream stdin, OutputStream stdout) {
        return exec(target, command, timeout, null, stdin, stdout);
    }

    private ExecResult exec(SshTarget target, String command, Duration timeout, OutputListener listener,
            InputStream stdin, OutputStream stdout) {
        long start = System.nanoTime();
        long deadline = SessionPool.deadline(timeout);
        int limit = listener == null && stdout == null
                ? org.opsbench.ssh.RemoteShell.MAX_CAPTURED_BYTES
                : org.opsbench.ssh.RemoteShell.STREAMED_TAIL_BYTES;
        OutputCapture out = new OutputCapture(limit, listener == null ? null : listener::stdout);
        OutputCapture err = new OutputCapture(limit, listener == null ? null : listener::stderr);
        Opened<ChannelExec> opened;
        try {
            opened = open(target, "exec", deadline, stdout != null, channel -> {
                channel.setCommand(command);
                if (stdin == null) {
                    channel.setInputStream(null);
                } else {
                    channel.setInputStream(stdin, true);
                }
                channel.setOutputStream(stdout == null ? out : stdout, true);
                channel.setErrStream(err, true);
                if (stdout != null) {
                    try {
                        channel.setLocalWindowSizeMax(STREAM_WINDOW);
                        channel.setLocalPacketSize(STREAM_PACKET);
                    } catch (JSchException e) {
                        // JSch keeps its defaults: slower, still correct
                    }
                }
            });
        } catch (FailureException e) {
            return new ExecResult.Failed(e.failure());
        }
        ChannelExec channel = opened.channel();
        boolean broken = false;
        try {
            while (!channel.isClosed()) {
                if (System.nanoTime() - deadline >= 0) {
                    cancel(channel);
                    return new ExecResult.Failed(SshFailure.of(Kind.TIMEOUT, "command on " + who(target)
                            + " did not end within " + timeout.toMillis()
                            + " ms; it was signalled and its channel closed"));
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (channel.getExitStatus() < 0 && !opened.lease().session().isConnected()) {
                broken = true;
                return new ExecResult.Failed(
                        SshFailure.of(Kind.PROTOCOL_ERROR,
                                "connection to " + who(target) + " broke while the command ran"));
            }
            return new ExecResult.Completed(channel.getExitStatus(), out.text(), err.text(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(channel);
            return new ExecResult.Failed(SshFailure.of(Kind.TIMEOUT, "interrupted while waiting for " + who(target)));
        } finally {
            channel.disconnect();
            // a binary stream had its session to itself: close it
            pool.release(opened.lease(), broken || stdout != null);
        }
    }

    TransferResult get(SshTarget target, String remotePath, OutputStream sink, Duration timeout) {
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new FilterOutputStream(sink) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                bytes.addAndGet(len);
            }

            @Override
            public void close() {
                // the caller owns the sink
            }
        };
        return transfer(target, "get " + remotePath, timeout, bytes, sftp -> sftp.get(remotePath, counting));
    }

    TransferResult put(SshTarget target, InputStream source, String remotePath, Duration timeout) {
        AtomicLong bytes = new AtomicLong();
        InputStream counting = new FilterInputStream(source) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }

            @Override
            public void close() {
                // the caller owns the source
            }
        };
        int slash = remotePath.lastIndexOf('/');
        String temp = remotePath.substring(0, slash + 1) + "." + remotePath.substring(slash + 1) + ".opsbench-"
                + UUID.randomUUID() + ".part";
        return transfer(target, "put " + remotePath, timeout, bytes, sftp -> {
            try {
                sftp.put(counting, temp, ChannelSftp.OVERWRITE);
                sftp.rename(temp, remotePath);
            } catch (SftpException e) {
                removeQuietly(sftp, temp);
                throw e;
            }
        });
    }

    /**
     * Removes the temp file of a failed put over a fresh SFTP channel of the same session. Not over the failed one: an
     * aborted put leaves replies to its pipelined writes unread there, and JSch's rm takes the first of them for its
     * own answer (it does not match request ids), returning before the server has removed anything.
     */
    private static void removeQuietly(ChannelSftp failed, String temp) {
        ChannelSftp fresh = null;
        try {
            fresh = (ChannelSftp) failed.getSession().openChannel("sftp");
            fresh.connect(CLEANUP_TIMEOUT_MS);
            fresh.rm(temp);
        } catch (JSchException | SftpException | RuntimeException ignored) {
            // the temp file may not exist, or the session is gone with the connection; nothing more to clean up
        } finally {
            if (fresh != null) {
                fresh.disconnect();
            }
        }
    }

    private interface SftpWork {
        void run(ChannelSftp sftp) throws SftpException;
    }

    private TransferResult transfer(SshTarget target, String what, Duration timeout, AtomicLong bytes, SftpWork work) {
        long start = System.nanoTime();
        long deadline = SessionPool.deadline(timeout);
        Opened<ChannelSftp> opened;
        try {
            opened = open(target, "sftp", deadline, false, channel -> {
            });
        } catch (FailureException e) {
            return new TransferResult.Failed(e.failure());
        }
        ChannelSftp sftp = opened.channel();
        AtomicBoolean timedOut = new AtomicBoolean();
        // SFTP calls block: a watchdog closes the channel at the deadline, which ends them
        ScheduledFuture<?> watchdog = timer.schedule(() -> {
            timedOut.set(true);
            sftp.disconnect();
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        boolean broken = false;
        try {
            work.run(sftp);
            return new TransferResult.Transferred(bytes.get(), Duration.ofNanos(System.nanoTime() - start));
        } catch (SftpException | RuntimeException e) {
            if (timedOut.get()) {
                return new TransferResult.Failed(SshFailure.of(Kind.TIMEOUT, "sftp " + what + " on " + who(target)
                        + " did not finish within " + timeout.toMillis() + " ms"));
            }
            broken = !opened.lease().session().isConnected();
            String message = e instanceof SftpException s ? sftpMessage(s) : e.getClass().getSimpleName();
            return new TransferResult.Failed(
                    SshFailure.of(Kind.TRANSFER_FAILED, "sftp " + what + " on " + who(target) + " failed: " + message));
        } finally {
            watchdog.cancel(false);
            sftp.disconnect();
            pool.release(opened.lease(), broken);
        }
    }

    private static String sftpMessage(SftpException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "SFTP status " + e.id : message;
    }

    private record Opened<C extends Channel>(SessionPool.Lease lease, C channel) {
    }

    private interface Setup<C extends Channel> {
        void prepare(C channel);
    }

    /**
     * A connected channel on a pooled session. A reused session that turns out dead is dropped and the channel opened
     * once more on a fresh one; nothing has run remotely at that point, so the retry is safe.
     */
    @SuppressWarnings("unchecked")
    private <C extends Channel> Opened<C> open(SshTarget target, String type, long deadline, boolean exclusive,
            Setup<C> setup) throws FailureException {
        for (int attempt = 0;; attempt++) {
            SessionPool.Lease lease = pool.acquire(target, deadline, exclusive);
            try {
                C channel = (C) lease.session().openChannel(type);
                setup.prepare(channel);
                channel.connect((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                return new Opened<>(lease, channel);
            } catch (JSchException e) {
                boolean dead = !lease.session().isConnected();
                pool.release(lease, dead);
                if (dead && lease.reused() && attempt == 0) {
                    continue;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new FailureException(Kind.TIMEOUT, "no " + type + " channel to " + who(target) + " in time");
                }
                throw new FailureException(Kind.PROTOCOL_ERROR, "could not open an " + type + " channel to "
                        + who(target) + (dead ? ": the connection broke" : ": " + e.getMessage()));
            }
        }
    }

    private static void cancel(ChannelExec channel) {
        try {
            // OpenSSH 7.9+ delivers signals to commands without a terminal; closing alone would leave them running
            channel.sendSignal("KILL");
        } catch (Exception e) {
            // best effort: the channel is closed next anyway
        }
        channel.disconnect();
    }

    private static String who(SshTarget target) {
        return target.user() + "@" + target.host() + ":" + target.port();
    }
}
