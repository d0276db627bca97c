package org.opsbench.monitoring.internal.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.opsbench.core.CiRef;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Notifier;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.StateChangePublisher;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.internal.store.StateStore;
import org.opsbench.monitoring.metrics.MetricStore;
import org.osgi.service.log.Logger;

/**
 * Carries out the engine's {@link Effects}: posts hard state changes at once, delivers notifications on virtual threads
 * (the notifier retries), and writes states, history, alert log and samples in batches: one transaction per batch,
 * every {@code intervalMillis} or on {@link #flush()}.
 */
public final class EffectsWriter implements AutoCloseable {

    private static final int MAX_PENDING = 200_000;

    private final StateStore store;
    private final MetricStore metrics;
    private final StateChangePublisher publisher;
    private final Function<String, Notifier> notifiers;
    private final Logger log;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> seriesIds = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    // one batch at a time, so that an older state row never overwrites a newer one
    private final Object writeLock = new Object();
    private Map<CheckKey, SavedState> states = new LinkedHashMap<>();
    private List<StateHistoryEntry> history = new ArrayList<>();
    private List<AlertRecord> alerts = new ArrayList<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final Thread thread;
    private final long intervalMillis;
    private volatile boolean closed;

    /** Starts the writer thread. */
    public EffectsWriter(StateStore store, MetricStore metrics, StateChangePublisher publisher,
            Function<String, Notifier> notifiers, Logger log, long intervalMillis) {
        this.store = store;
        this.metrics = metrics;
        this.publisher = publisher;
        this.notifiers = notifiers;
        this.log = log;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "opsbench-monitoring-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes the effects of one engine step. */
    public void submit(Effects effects) {
        if (effects.isEmpty()) {
            return;
        }
        for (Effects.HardChange c : effects.changes()) {
            CiRef ci = new CiRef(c.ciId() == null ? "monitoring:" + c.key() : c.ciId(),
                    c.key().isHost() ? "host" : "check", c.key().toString());
            publisher.publish(ci, c.change(), c.summary(), c.at());
        }
        for (Effects.Samples s : effects.samples()) {
            for (Metric m : s.metrics()) {
                String name = s.key().seriesName(m.name());
                try {
                    int id = seriesIds.computeIfAbsent(name,
                            n -> metrics.series(n, m.unit() == null ? "" : m.unit()).id());
                    metrics.append(id, s.at().toEpochMilli(), m.value());
                } catch (RuntimeException e) {
                    // a sample lost must not lose the state, history and alerts of the same result
                    log.warn("Cannot store a sample of {}: {}", name, e.getMessage());
                }
            }
        }
        List<AlertRecord> logged = new ArrayList<>();
        for (Effects.Alert a : effects.alerts()) {
            if (a.notification() == null) {
                logged.add(a.record());
            } else {
                inFlight.incrementAndGet();
                deliveries.execute(() -> deliver(a));
            }
        }
        synchronized (lock) {
            if (states.size() + history.size() + alerts.size() > MAX_PENDING) {
                log.error("Monitoring writer is {} rows behind: dropping the oldest state rows", MAX_PENDING);
                states.clear();
            }
            for (SavedState s : effects.states()) {
                states.put(s.key(), s);
            }
            history.addAll(effects.history());
            alerts.addAll(logged);
        }
    }

    private void deliver(Effects.Alert a) {
        AlertRecord r = a.record();
        AlertRecord.Outcome outcome = AlertRecord.Outcome.SENT;
        String detail = r.detail();
        try {
            Notifier notifier = notifiers.apply(r.notifier());
            if (notifier == null) {
                outcome = AlertRecord.Outcome.FAILED;
                detail = "notifier '" + r.notifier() + "' is not installed";
            } else {
                notifier.send(a.notification(), a.settings());
            }
        } catch (Notifier.DeliveryException | RuntimeException e) {
            outcome = AlertRecord.Outcome.FAILED;
            detail = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("Notification {} of {} via {} (rule {}) failed: {}", r.kind(), r.key(), r.notifier(), r.rule(),
                    detail);
        }
        synchronized (lock) {
            alerts.add(new AlertRecord(0, r.time(), r.key(), r.state(), r.kind(), r.rule(), r.notifier(), outcome,
                    detail));
        }
        inFlight.decrementAndGet();
    }

    /** Waits for deliveries under way, then writes everything pending; for tests, the console and deactivation. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        writePending();
        metrics.flush();
    }

    /** Writes what is pending now, without waiting for deliveries under way; for reads that must see the latest. */
    public void writeNow() {
        writePending();
    }

    /** Batches written. */
    public long batches() {
        return batches.get();
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            writePending();
        }
    }

    private void writePending() {
        synchronized (writeLock) {
            writePendingLocked();
        }
    }

    private void writePendingLocked() {
        Map<CheckKey, SavedState> s;
        List<StateHistoryEntry> h;
        List<AlertRecord> a;
        synchronized (lock) {
            if (states.isEmpty() && history.isEmpty() && alerts.isEmpty()) {
                return;
            }
            s = states;
            h = history;
            a = alerts;
            states = new LinkedHashMap<>();
            history = new ArrayList<>();
            alerts = new ArrayList<>();
        }
        try {
            store.write(s.values(), h, a);
            batches.incrementAndGet();
        } catch (SQLException | RuntimeException e) {
            log.error("Cannot write {} states, {} history entries, {} alerts; retrying: {}", s.size(), h.size(),
                    a.size(), e.getMessage());
            synchronized (lock) {
                s.putAll(states);
                states = s;
                h.addAll(history);
                history = h;
                a.addAll(alerts);
                alerts = a;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        deliveries.shutdown();
    }
}
