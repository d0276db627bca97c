package org.opsbench.ssh.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opsbench.ssh.Credential;
import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.SshFailure.Kind;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.log.Logger;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/**
 * Opens authenticated JSch sessions with strict host-key checking, and turns whatever goes wrong into an
 * {@link SshFailure} with one clear line. One {@link JSch} per session: it carries that session's identity and its
 * scrubbing logger, and costs next to nothing.
 */
final class Connector {

    private final Settings settings;
    private final HostKeyTrust trust;
    private final Logger log;

    Connector(Settings settings, HostKeyTrust trust, Logger log) {
        this.settings = settings;
        this.trust = trust;
        this.log = log;
    }

    /** A connected, authenticated session to {@code target}, within {@code timeout} and the connect timeout. */
    Session open(SshTarget target, Duration timeout) throws FailureException {
        Credential credential = target.credential();
        List<String> secrets = secrets(credential);
        JSch jsch = new JSch();
        jsch.setInstanceLogger(new JschLog(log, secrets));
        RecordingHostKeys hostKeys = new RecordingHostKeys(trust.store(), false);
        byte[] password = null;
        try {
            Session session = jsch.getSession(target.user(), target.host(), target.port());
            session.setHostKeyRepository(hostKeys);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setDaemonThread(true);
            session.setServerAliveInterval(millis(settings.keepAlive()));
            session.setServerAliveCountMax(3);
            switch (credential) {
                case Credential.Password p -> {
                    password = utf8(p.password());
                    session.setPassword(password);
                    session.setConfig("PreferredAuthentications", "password");
                }
                case Credential.PrivateKey k -> {
                    byte[] passphrase = k.passphrase() == null ? null : utf8(k.passphrase());
                    try {
                        jsch.addIdentity("opsbench-key", k.keyText().clone(), null, passphrase);
                    } catch (JSchException e) {
                        throw new FailureException(Kind.AUTH_FAILED, "the private key for " + who(target)
                                + " could not be read (wrong passphrase or unsupported format)");
                    } finally {
                        if (passphrase != null) {
                            Arrays.fill(passphrase, (byte) 0);
                        }
                    }
                    session.setConfig("PreferredAuthentications", "publickey");
                }
            }
            session.connect(connectMillis(timeout));
            return session;
        } catch (JSchException e) {
            throw new FailureException(classify(e, target.host(), target.port(), hostKeys, target, secrets));
        } finally {
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }

    /** The key {@code host:port} offers, read without authenticating. */
    HostKey scan(String host, int port, Duration timeout) throws FailureException {
        JSch jsch = new JSch();
        jsch.setInstanceLogger(new JschLog(log, List.of()));
        RecordingHostKeys hostKeys = new RecordingHostKeys(trust.store(), true);
        try {
            Session session = jsch.getSession("opsbench-scan", host, port);
            session.setHostKeyRepository(hostKeys);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setDaemonThread(true);
            session.connect(connectMillis(timeout));
            session.disconnect();
        } catch (JSchException e) {
            if (hostKeys.offered() == null) {
                throw new FailureException(classify(e, host, port, hostKeys, null, List.of()));
            }
        }
        if (hostKeys.offered() == null) {
            throw new FailureException(Kind.PROTOCOL_ERROR, host + ":" + port + " offered no host key");
        }
        HostKey offered = HostKeys.offered(host, port, hostKeys.offered());
        trust.offeredUnknown(offered);
        return offered;
    }

    private SshFailure classify(JSchException e, String host, int port, RecordingHostKeys hostKeys,
            SshTarget target, List<String> secrets) {
        String address = HostKeys.address(host, port);
        if (hostKeys.offered() != null && hostKeys.result() == HostKeyRepository.NOT_INCLUDED) {
            HostKey offered = HostKeys.offered(host, port, hostKeys.offered());
            trust.offeredUnknown(offered);
            return new SshFailure(Kind.UNKNOWN_HOST_KEY, "the " + offered.type() + " host key " + offered.fingerprint()
                    + " of " + address + " is not known: approve it to connect", offered, null);
        }
        if (hostKeys.offered() != null && hostKeys.result() == HostKeyRepository.CHANGED) {
            HostKey offered = HostKeys.offered(host, port, hostKeys.offered());
            HostKey known = trust.store().known(host, port, offered.type()).orElse(null);
            if (known != null) {
                trust.offeredChanged(offered, known);
                return new SshFailure(Kind.CHANGED_HOST_KEY,
                        "the host key of " + address + " CHANGED from " + known.fingerprint() + " to "
                                + offered.fingerprint() + ": connection refused (possible man-in-the-middle)",
                        offered, known);
            }
        }
        Throwable cause = rootCause(e);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (cause instanceof ConnectException) {
            return SshFailure.of(Kind.CONNECTION_REFUSED, "connection refused by " + address);
        }
        if (cause instanceof SocketTimeoutException || message.startsWith("timeout")) {
            return SshFailure.of(Kind.TIMEOUT, "no answer from " + address + " in time");
        }
        if (cause instanceof UnknownHostException) {
            return SshFailure.of(Kind.UNREACHABLE, "unknown host " + host);
        }
        if (cause instanceof NoRouteToHostException) {
            return SshFailure.of(Kind.UNREACHABLE, "no route to " + address);
        }
        if (target != null && (message.startsWith("Auth fail") || message.startsWith("Auth cancel"))) {
            String what = target.credential() instanceof Credential.Password ? "password" : "key";
            return SshFailure.of(Kind.AUTH_FAILED,
                    "authentication of " + who(target) + " failed: " + what + " refused");
        }
        if (cause instanceof IOException && !(cause instanceof SocketTimeoutException)) {
            return SshFailure.of(Kind.PROTOCOL_ERROR, "connection to " + address + " broke: " + describe(cause));
        }
        return SshFailure.of(Kind.PROTOCOL_ERROR,
                "SSH to " + address + " failed: " + new JschLog(log, secrets).scrub(message));
    }

    private static String who(SshTarget target) {
        return target.user() + "@" + target.host() + ":" + target.port();
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private int connectMillis(Duration timeout) {
        Duration bound = timeout.compareTo(settings.connectTimeout()) < 0 ? timeout : settings.connectTimeout();
        return Math.max(1, millis(bound));
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static List<String> secrets(Credential credential) {
        List<String> secrets = new ArrayList<>();
        switch (credential) {
            case Credential.Password p -> secrets.add(new String(p.password()));
            case Credential.PrivateKey k -> {
                if (k.passphrase() != null) {
                    secrets.add(new String(k.passphrase()));
                }
                // the key's base64 lines, should any ever be echoed
                for (String line : new String(k.keyText(), StandardCharsets.US_ASCII).split("\\R")) {
                    if (line.length() > 16 && !line.startsWith("-----")) {
                        secrets.add(line.trim());
                    }
                }
            }
        }
        return secrets;
    }
}
