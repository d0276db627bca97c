package org.opsbench.backup.internal;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A run in progress: live figures, its log, and how to cancel it (public for the benchmark). */
public final class ActiveRun {

    final long id;
    final String job;
    final String trigger;
    final Instant started;
    final AtomicLong stored = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();
    final CountDownLatch done = new CountDownLatch(1);
    private final StringBuilder log = new StringBuilder();
    volatile Future<?> future;
    volatile String archive = "";

    public ActiveRun(long id, String job, String trigger, Instant started) {
        this.id = id;
        this.job = job;
        this.trigger = trigger;
        this.started = started;
    }

    synchronized void log(String line) {
        log.append(Instant.now()).append(' ').append(line).append('\n');
    }

    /** The log so far. */
    public synchronized String log() {
        return log.toString();
    }
}
