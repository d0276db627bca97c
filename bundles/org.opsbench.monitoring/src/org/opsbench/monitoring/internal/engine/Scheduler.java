package org.opsbench.monitoring.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;

/**
 * Runs checks on their schedule. Each check's first run is spread over its interval by a hash of its key (no thundering
 * herd after a start), later runs follow at the interval, or at the retry interval while a problem is SOFT. Runs go to
 * virtual threads, at most {@code maxConcurrent} at once and at most {@code perHost} per host, so a hung or slow host
 * occupies only its own slots; a run that does not return within its timeout (plus a grace) counts as UNKNOWN and gives
 * its global slot back. A check never runs twice at once.
 */
public final class Scheduler implements AutoCloseable {

    /** What a run needs: the check to run and how long it may take. */
    public interface Plan {

        /**
         * The interval, retry interval and timeout of a check, or {@code null} when it is gone or disabled.
         */
        Timing timing(CheckKey key);

        /** Runs the check (in the calling virtual thread). */
        CheckResult run(CheckKey key, Duration timeout) throws InterruptedException;

        /** Takes the result. */
        void completed(CheckKey key, CheckResult result, Instant at);
    }

    /** How a check is scheduled. */
    public record Timing(Duration interval, Duration retryInterval, Duration timeout, boolean retrying) {
    }

    private static final Duration GRACE = Duration.ofSeconds(2);
    /** How soon a check refused by the gate while its shard is still held is looked at again. */
    private static final long GATE_RETRY_MILLIS = 250;

    private final Plan plan;
    private final Clock clock;
    private final Semaphore slots;
    private final int perHost;
    private final Object lock = new Object();
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private final Map<CheckKey, Slot> scheduled = new HashMap<>();
    private final Map<String, Integer> runningPerHost = new HashMap<>();
    private final ScheduledExecutorService watchdog;
    private final Thread dispatcher;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong fenced = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile BiConsumer<CheckKey, Throwable> failureReporter = (k, e) -> {
    };
    private final Latencies latencies = new Latencies();
    private volatile Predicate<CheckKey> gate = k -> true;
    private volatile Predicate<CheckKey> keep = k -> true;
    private volatile boolean closed;

    private record Due(long at, long sequence, CheckKey key, long generation) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }
    }

    private static final class Slot {
        long generation;
        long due;
        boolean running;
        boolean runAgain;
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    }

    private long sequence;

    /** Starts the dispatcher. */
    public Scheduler(Plan plan, Clock clock, int maxConcurrent, int perHost) {
        this.plan = plan;
        this.clock = clock;
        this.slots = new Semaphore(maxConcurrent);
        this.perHost = perHost;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-monitoring-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatch, "opsbench-monitoring-scheduler");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Schedules (or reschedules, after a change) a check; its first run is spread over its interval. */
    public void schedule(CheckKey key) {
        Timing timing = plan.timing(key);
        if (timing == null) {
            cancel(key);
            return;
        }
        long interval = Math.max(1, timing.interval().toMillis());
        long offset = Math.floorMod(key.hashCode() * 0x9E3779B97F4A7C15L, interval);
        synchronized (lock) {
            Slot slot = scheduled.computeIfAbsent(key, k -> new Slot());
            slot.generation++;
            if (!slot.running) {
                enqueue(key, slot, clock.millis() + offset);
            }
        }
    }

    /**
     * Schedules a check at a given time (epoch milliseconds): a node that takes a check over continues its schedule
     * from the last stored result instead of starting it again.
     */
    public void scheduleAt(CheckKey key, long at) {
        if (plan.timing(key) == null) {
            cancel(key);
            return;
        }
        synchronized (lock) {
            Slot slot = scheduled.computeIfAbsent(key, k -> new Slot());
            slot.generation++;
            if (!slot.running) {
                enqueue(key, slot, at);
            }
        }
    }

    /**
     * Which checks this scheduler may run now (with several nodes: those of the shards this node holds with a valid
     * lease). A due check it refuses is not run and waits for {@link #scheduleAt}; a result that arrives after it
     * refuses the check is dropped (the fence), unless an operator asked for the run.
     */
    public void gate(Predicate<CheckKey> mayRun) {
        gate(mayRun, k -> false);
    }

    /**
     * As {@link #gate(Predicate)}; a due check that {@code mayRun} refuses but {@code held} accepts (its shard is still
     * this node's, the lease just not valid locally this moment) is looked at again shortly instead of waiting for
     * {@link #scheduleAt}.
     */
    public void gate(Predicate<CheckKey> mayRun, Predicate<CheckKey> held) {
        this.keep = held;
        this.gate = mayRun;
    }

    /** Stops scheduling a check. */
    public void cancel(CheckKey key) {
        synchronized (lock) {
            Slot slot = scheduled.remove(key);
            if (slot != null) {
                slot.generation++;
                slot.waiters.forEach(w -> w.cancel(false));
            }
        }
    }

    /** Runs a check as soon as a slot is free; the future completes when its result was taken. */
    public CompletableFuture<Void> runNow(CheckKey key) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            Slot slot = scheduled.get(key);
            if (slot == null) {
                done.completeExceptionally(new IllegalArgumentException("not scheduled: " + key));
                return done;
            }
            slot.waiters.add(done);
            if (slot.running) {
                slot.runAgain = true;
            } else {
                slot.generation++;
                enqueue(key, slot, clock.millis());
            }
        }
        return done;
    }

    /** When the check runs next, or {@code null}. */
    public Instant nextRun(CheckKey key) {
        synchronized (lock) {
            Slot slot = scheduled.get(key);
            return slot == null ? null : Instant.ofEpochMilli(slot.due);
        }
    }

    /** Runs started since the start. */
    public long runs() {
        return runs.get();
    }

    /** Runs that timed out. */
    public long timeouts() {
        return timeouts.get();
    }

    /** Results dropped because this node no longer held the check's shard when they came. */
    public long fenced() {
        return fenced.get();
    }

    /** Results the plan failed to take (it threw); the checks ran again on their schedule all the same. */
    public long failures() {
        return failures.get();
    }

    /** Who hears of a result the plan failed to take (to log it); by default nobody. */
    public void onFailure(BiConsumer<CheckKey, Throwable> reporter) {
        this.failureReporter = reporter;
    }

    /** How long the runs took. */
    public Latencies latencies() {
        return latencies;
    }

    /** Checks waiting for their time or a slot. */
    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private void enqueue(CheckKey key, Slot slot, long at) {
        slot.due = at;
        queue.add(new Due(at, sequence++, key, slot.generation));
        lock.notifyAll();
    }

    private void dispatch() {
        try {
            while (!closed) {
                Due next;
                synchronized (lock) {
                    next = queue.peek();
                    long wait = next == null ? 1000 : next.at - clock.millis();
                    if (wait > 0) {
                        lock.wait(Math.min(wait, 1000));
                        continue;
                    }
                    queue.poll();
                    Slot slot = scheduled.get(next.key);
                    if (slot == null || slot.generation != next.generation || slot.running) {
                        continue;
                    }
                    if (slot.waiters.isEmpty() && !gate.test(next.key)) {
                        if (keep.test(next.key)) {
                            // still this node's, the lease only not valid this moment (a renewal is late): again
                            // shortly, so a renewal that comes through does not leave the check idle
                            enqueue(next.key, slot, clock.millis() + GATE_RETRY_MILLIS);
                        }
                        // otherwise another node's check now: it stays idle until this node takes it (back) over
                        continue;
                    }
                    int busy = runningPerHost.getOrDefault(next.key.host(), 0);
                    if (busy >= perHost) {
                        // this host is saturated (slow or hung): look again shortly, let the others run
                        enqueue(next.key, slot, clock.millis() + 100);
                        continue;
                    }
                    slot.running = true;
                    runningPerHost.merge(next.key.host(), 1, Integer::sum);
                }
                slots.acquire();
                start(next.key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(CheckKey key) {
        Timing timing = plan.timing(key);
        if (timing == null) {
            slots.release();
            finish(key, null, null, true);
            return;
        }
        runs.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        Duration timeout = timing.timeout();
        Thread worker = Thread.ofVirtual().name("opsbench-check-" + key).unstarted(() -> {
            CheckResult result;
            long began = System.nanoTime();
            try {
                result = plan.run(key, timeout);
                latencies.record(System.nanoTime() - began);
            } catch (InterruptedException e) {
                result = timedOut(timeout);
            } catch (RuntimeException | LinkageError e) {
                result = CheckResult.of(Health.UNKNOWN, "UNKNOWN - the check failed: " + e);
            }
            boolean first = released.compareAndSet(false, true);
            if (first) {
                slots.release();
            }
            finish(key, first ? result : null, timing, true);
        });
        watchdog.schedule(() -> {
            if (released.compareAndSet(false, true)) {
                timeouts.incrementAndGet();
                slots.release();
                worker.interrupt();
                // the result counts now; the host slot stays taken until the run really returns
                finish(key, timedOut(timeout), timing, false);
            }
        }, timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        worker.start();
    }

    private static CheckResult timedOut(Duration timeout) {
        return CheckResult.of(Health.UNKNOWN, "UNKNOWN - no result within the timeout of " + timeout.toMillis()
                + " ms");
    }

    private void finish(CheckKey key, CheckResult result, Timing timing, boolean returned) {
        Instant at = clock.instant();
        Throwable failure = null;
        try {
            if (result != null) {
                boolean asked;
                synchronized (lock) {
                    Slot slot = scheduled.get(key);
                    asked = slot != null && !slot.waiters.isEmpty();
                }
                if (asked || gate.test(key)) {
                    plan.completed(key, result, at);
                } else {
                    // the lease ran out while the check ran: the node that takes the shard over runs it again
                    fenced.incrementAndGet();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // the result could not be taken (a write failed): the check stays scheduled all the same, else it would
            // count as running for ever and never run again
            failure = e;
            failures.incrementAndGet();
            failureReporter.accept(key, e);
        } finally {
            reschedule(key, result, returned, failure);
        }
    }

    private void reschedule(CheckKey key, CheckResult result, boolean returned, Throwable failure) {
        List<CompletableFuture<Void>> done = List.of();
        // asked before taking the lock: the plan locks the engine, whose readers ask this scheduler (nextRun) while
        // holding it; calling the plan under the lock would take the two locks in both orders
        Timing now = returned ? plan.timing(key) : null;
        synchronized (lock) {
            if (returned) {
                runningPerHost.computeIfPresent(key.host(), (h, n) -> n <= 1 ? null : n - 1);
            }
            Slot slot = scheduled.get(key);
            if (slot != null && (returned || result != null)) {
                if (result != null) {
                    done = List.copyOf(slot.waiters);
                    slot.waiters.clear();
                }
                if (returned) {
                    slot.running = false;
                    if (now != null) {
                        long next;
                        if (slot.runAgain) {
                            slot.runAgain = false;
                            next = clock.millis();
                        } else if (now.retrying()) {
                            next = clock.millis() + now.retryInterval().toMillis();
                        } else {
                            long interval = now.interval().toMillis();
                            next = Math.max(slot.due + interval, clock.millis() + interval / 2);
                        }
                        slot.generation++;
                        enqueue(key, slot, next);
                    }
                }
            }
        }
        for (CompletableFuture<Void> f : done) {
            if (failure == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(failure);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        try {
            // the dispatcher may be starting a run, which arms the watchdog: stop it first
            dispatcher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }
}
