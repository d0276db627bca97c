package org.opsbench.ssh.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.opsbench.ssh.Credential;
import org.opsbench.ssh.SshFailure.Kind;
import org.opsbench.ssh.SshTarget;

import com.jcraft.jsch.Session;

/**
 * Open sessions, reused per (host, port, user, credential). At most {@code maxSessions} sessions exist at once, each
 * carries at most {@code maxChannelsPerSession} channels; a caller beyond both waits within its timeout. Callers for a
 * target whose session is still connecting wait for it rather than opening more. Sessions idle longer than the idle
 * timeout, and dead ones, are closed by {@link #sweep()}.
 */
final class SessionPool {

    /** Identifies the sessions a target may share: the credential by hash, never by value. */
    record Key(String host, int port, String user, String credentialHash) {

        static Key of(SshTarget target) {
            return new Key(target.host(), target.port(), target.user(), hash(target.credential()));
        }

        @Override
        public String toString() {
            return user + "@" + host + ":" + port;
        }
    }

    /** One session and its load. Guarded by the pool's lock. */
    static final class Pooled {
        final Key key;
        final Session session;
        int channels;
        long idleSince = System.nanoTime();

        Pooled(Key key, Session session) {
            this.key = key;
            this.session = session;
        }
    }

    /** A channel slot on a session, to be handed back through {@link SessionPool#release}. */
    record Lease(Pooled pooled, boolean reused) {
        Session session() {
            return pooled.session;
        }
    }

    private static final class Target {
        final List<Pooled> sessions = new ArrayList<>();
        int connecting;
        int waiting;
    }

    private final Settings settings;
    private final Connector connector;
    private final AtomicLong opened;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Key, Target> targets = new HashMap<>();
    private int open;
    private boolean closed;

    SessionPool(Settings settings, Connector connector, AtomicLong opened) {
        this.settings = settings;
        this.connector = connector;
        this.opened = opened;
    }

    /** A channel slot to {@code target} before {@code deadline} ({@link System#nanoTime()}). */
    Lease acquire(SshTarget target, long deadline) throws FailureException {
        return acquire(target, deadline, false);
    }

    /**
     * A channel slot on a session of its own when {@code exclusive}: for binary streams, whose consumer may block the
     * session's I/O thread (which would stall every other channel of a shared session). Release it as broken.
     */
    Lease acquire(SshTarget target, long deadline, boolean exclusive) throws FailureException {
        Key shared = Key.of(target);
        Key key = exclusive
                ? new Key(shared.host(), shared.port(), shared.user(),
                        shared.credentialHash() + "#" + java.util.UUID.randomUUID())
                : shared;
        List<Session> evicted = new ArrayList<>();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new FailureException(Kind.PROTOCOL_ERROR, "the SSH service is being reconfigured or stopped");
                }
                Target t = targets.computeIfAbsent(key, k -> new Target());
                for (Iterator<Pooled> it = t.sessions.iterator(); it.hasNext();) {
                    Pooled p = it.next();
                    if (!p.session.isConnected()) {
                        it.remove();
                        open--;
                        evicted.add(p.session);
                    } else if (p.channels < settings.maxChannelsPerSession()) {
                        p.channels++;
                        return new Lease(p, true);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FailureException(Kind.TIMEOUT, "no SSH session to " + key + " became free in time");
                }
                if (t.connecting > 0 && t.waiting < t.connecting * (settings.maxChannelsPerSession() - 1)) {
                    t.waiting++;
                    try {
                        changed.awaitNanos(left);
                    } finally {
                        t.waiting--;
                    }
                    continue;
                }
                if (open < settings.maxSessions() || evictIdle(evicted)) {
                    open++;
                    t.connecting++;
                    break;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailureException(Kind.TIMEOUT, "interrupted while waiting for an SSH session to " + key);
        } finally {
            lock.unlock();
            evicted.forEach(Session::disconnect);
        }
        return connect(target, key, deadline);
    }

    private Lease connect(SshTarget target, Key key, long deadline) throws FailureException {
        Pooled pooled = null;
        try {
            Session session = connector.open(target, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            opened.incrementAndGet();
            pooled = new Pooled(key, session);
            pooled.channels = 1;
            return new Lease(pooled, false);
        } finally {
            lock.lock();
            try {
                Target t = targets.get(key);
                t.connecting--;
                if (pooled == null) {
                    open--;
                } else {
                    t.sessions.add(pooled);
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Hands a slot back; a {@code broken} session is closed and never handed out again. */
    void release(Lease lease, boolean broken) {
        Pooled p = lease.pooled();
        boolean close = false;
        lock.lock();
        try {
            p.channels--;
            p.idleSince = System.nanoTime();
            if (broken || closed || !p.session.isConnected()) {
                Target t = targets.get(p.key);
                if (t != null && t.sessions.remove(p)) {
                    open--;
                }
                close = broken || p.channels == 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (close) {
            p.session.disconnect();
        }
    }

    /** Closes sessions idle longer than the idle timeout, and dead ones. */
    void sweep() {
        long limit = System.nanoTime() - settings.idleTimeout().toNanos();
        List<Session> gone = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<Target> ts = targets.values().iterator(); ts.hasNext();) {
                Target t = ts.next();
                for (Iterator<Pooled> it = t.sessions.iterator(); it.hasNext();) {
                    Pooled p = it.next();
                    if (!p.session.isConnected() || (p.channels == 0 && p.idleSince - limit < 0)) {
                        it.remove();
                        open--;
                        gone.add(p.session);
                    }
                }
                if (t.sessions.isEmpty() && t.connecting == 0 && t.waiting == 0) {
                    ts.remove();
                }
            }
            if (!gone.isEmpty()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        gone.forEach(Session::disconnect);
    }

    /** Closes idle sessions now and busy ones when their last channel is released; refuses new leases. */
    void close() {
        List<Session> gone = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Target t : targets.values()) {
                for (Pooled p : t.sessions) {
                    if (p.channels == 0) {
                        gone.add(p.session);
                    }
                }
                t.sessions.removeIf(p -> p.channels == 0);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        gone.forEach(Session::disconnect);
    }

    /** Open sessions now. */
    int openSessions() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    /** Closes an idle session of another target to make room; caller holds the lock. */
    private boolean evictIdle(List<Session> evicted) {
        for (Target t : targets.values()) {
            for (Iterator<Pooled> it = t.sessions.iterator(); it.hasNext();) {
                Pooled p = it.next();
                if (p.channels == 0) {
                    it.remove();
                    open--;
                    evicted.add(p.session);
                    return true;
                }
            }
        }
        return false;
    }

    private static String hash(Credential credential) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            switch (credential) {
                case Credential.Password p -> {
                    digest.update((byte) 'P');
                    digest.update(utf8(p.password()));
                }
                case Credential.PrivateKey k -> {
                    digest.update((byte) 'K');
                    digest.update(k.keyText());
                    if (k.passphrase() != null) {
                        digest.update(utf8(k.passphrase()));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ByteBuffer utf8(char[] chars) {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    }

    static long deadline(Duration timeout) {
        return System.nanoTime() + Math.max(1, TimeUnit.NANOSECONDS.convert(timeout));
    }
}
