package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.internal.engine.Scheduler;

/** The scheduler with checks that answer at once, slowly, or never. */
class SchedulerTest {

    /** A plan whose checks on host {@code hung} never return by themselves, even when interrupted. */
    private static final class Plan implements Scheduler.Plan {
        final Map<CheckKey, CheckResult> last = new ConcurrentHashMap<>();
        final Map<CheckKey, AtomicInteger> completed = new ConcurrentHashMap<>();
        final Map<CheckKey, AtomicInteger> running = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final Duration interval;
        final Duration work;

        Plan(Duration interval, Duration work) {
            this.interval = interval;
            this.work = work;
        }

        @Override
        public Scheduler.Timing timing(CheckKey key) {
            return new Scheduler.Timing(interval, interval, Duration.ofMillis(300), false);
        }

        @Override
        public CheckResult run(CheckKey key, Duration timeout) throws InterruptedException {
            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                if (key.host().equals("hung")) {
                    // worst case: a check that ignores interruption until the test ends
                    boolean released = false;
                    while (!released) {
                        try {
                            released = release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            // ignored on purpose
                        }
                    }
                } else if (!work.isZero()) {
                    Thread.sleep(work.toMillis());
                }
                return CheckResult.of(Health.OK, "OK " + key);
            } finally {
                running.get(key).decrementAndGet();
            }
        }

        @Override
        public void completed(CheckKey key, CheckResult result, Instant at) {
            last.put(key, result);
            completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        int runs(CheckKey key) {
            AtomicInteger n = completed.get(key);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void hungHostTimesOutAndNeverDelaysTheOtherHosts() throws Exception {
        Plan plan = new Plan(Duration.ofMillis(200), Duration.ZERO);
        List<CheckKey> hung = IntStream.range(0, 8).mapToObj(i -> new CheckKey("hung", "c" + i)).toList();
        List<CheckKey> fast = IntStream.range(0, 20).mapToObj(i -> new CheckKey("fast-" + (i % 5), "c" + i))
                .toList();
        try (Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 4, 2)) {
            hung.forEach(scheduler::schedule);
            fast.forEach(scheduler::schedule);
            MonitoringServiceTest.waitFor(() -> fast.stream().allMatch(k -> plan.runs(k) >= 5));
            MonitoringServiceTest.waitFor(() -> hung.stream().filter(k -> plan.last.containsKey(k)).count() >= 2);
            for (CheckKey k : hung) {
                CheckResult r = plan.last.get(k);
                if (r != null) {
                    assertEquals(Health.UNKNOWN, r.health());
                    assertTrue(r.summary().contains("no result within the timeout"), r.summary());
                }
            }
            assertTrue(scheduler.timeouts() >= 2, "timeouts: " + scheduler.timeouts());
            // the hung host held at most its 2 per-host slots: the other checks kept their interval
            assertEquals(2, plan.running.entrySet().stream().filter(e -> e.getKey().host().equals("hung"))
                    .mapToInt(e -> e.getValue().get()).sum());
        } finally {
            plan.release.countDown();
        }
    }

    @Test
    void aCheckWhoseResultCannotBeTakenRunsAgainOnItsSchedule() throws Exception {
        CheckKey key = new CheckKey("write-fails", "c");
        AtomicInteger taken = new AtomicInteger();
        Scheduler.Plan plan = new Scheduler.Plan() {
            @Override
            public Scheduler.Timing timing(CheckKey k) {
                return new Scheduler.Timing(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5),
                        false);
            }

            @Override
            public CheckResult run(CheckKey k, Duration timeout) {
                return CheckResult.of(Health.OK, "OK");
            }

            @Override
            public void completed(CheckKey k, CheckResult result, Instant at) {
                taken.incrementAndGet();
                // as a result write that violates a constraint of the shared database
                throw new IllegalStateException("metric store: duplicate key");
            }
        };
        List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 4, 1)) {
            scheduler.onFailure((k, e) -> reported.add(e));
            scheduler.schedule(key);
            MonitoringServiceTest.waitFor(() -> taken.get() >= 3);
            assertTrue(scheduler.failures() >= 3, "failures: " + scheduler.failures());
            assertTrue(reported.getFirst().getMessage().contains("duplicate key"), reported.toString());
            // an operator's run learns that its result was not taken
            var asked = scheduler.runNow(key);
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> asked.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("duplicate key"), e.toString());
        }
    }

    @Test
    void firstRunsAreSpreadOverTheInterval() throws Exception {
        Plan plan = new Plan(Duration.ofSeconds(10), Duration.ZERO);
        try (Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 4, 4)) {
            long start = System.currentTimeMillis();
            Set<Long> seconds = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                CheckKey key = new CheckKey("h" + i, "load");
                scheduler.schedule(key);
                Instant next = scheduler.nextRun(key);
                long offset = next.toEpochMilli() - start;
                assertTrue(offset >= -50 && offset < 10_050, "first run within the interval, was +" + offset + " ms");
                seconds.add(Math.max(0, offset) / 1000);
            }
            assertTrue(seconds.size() >= 9, "200 checks start in " + seconds.size() + " of the 10 seconds");
        }
    }

    @Test
    void runNowWaitsForTheResultAndACheckNeverRunsTwiceAtOnce() throws Exception {
        Plan plan = new Plan(Duration.ofHours(1), Duration.ofMillis(150));
        CheckKey key = new CheckKey("db", "slow");
        try (Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 8, 8)) {
            scheduler.schedule(key);
            var a = scheduler.runNow(key);
            var b = scheduler.runNow(key);
            var c = scheduler.runNow(key);
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            c.get(10, TimeUnit.SECONDS);
            assertTrue(plan.runs(key) >= 1);
            assertEquals(0, plan.overlaps.get(), "runs of one check overlapped");
        }
    }

    @Test
    void readingTheScheduleWhileACheckFinishesNeverDeadlocks() throws Exception {
        // the real plan (the runtime) locks the engine in timing(); the engine's readers ask nextRun() under that lock
        Object engine = new Object();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finishing = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        CheckKey key = new CheckKey("db", "locks");
        Scheduler.Plan plan = new Scheduler.Plan() {
            @Override
            public Scheduler.Timing timing(CheckKey k) {
                if (ran.get()) {
                    finishing.countDown();
                }
                synchronized (engine) {
                    return new Scheduler.Timing(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(30),
                            false);
                }
            }

            @Override
            public CheckResult run(CheckKey k, Duration timeout) throws InterruptedException {
                started.countDown();
                go.await();
                ran.set(true);
                return CheckResult.of(Health.OK, "OK");
            }

            @Override
            public void completed(CheckKey k, CheckResult result, Instant at) {
            }
        };
        try (Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 4, 4)) {
            scheduler.schedule(key);
            var done = scheduler.runNow(key);
            java.util.concurrent.CompletableFuture<Instant> read = new java.util.concurrent.CompletableFuture<>();
            assertTrue(started.await(10, TimeUnit.SECONDS), "the run did not start");
            synchronized (engine) {
                go.countDown();
                // the finishing run now waits for the engine; the schedule must still be readable
                assertTrue(finishing.await(10, TimeUnit.SECONDS), "the run did not finish");
                Thread.ofVirtual().start(() -> read.complete(scheduler.nextRun(key)));
                assertTrue(read.get(10, TimeUnit.SECONDS) != null, "nextRun while a run finishes");
            }
            done.get(10, TimeUnit.SECONDS);
        }
    }
}
