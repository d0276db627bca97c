package org.opsbench.rest.internal.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

import org.opsbench.rest.MetricsSink;

/** Counts HTTP requests by route, method and status, and their latency as a histogram per route. */
public final class HttpStats {

    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String route, String method, int status) {
    }

    private static final class Latency {
        final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
        final AtomicLong count = new AtomicLong();
        final DoubleAdder sum = new DoubleAdder();
    }

    private final Map<Key, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, Latency> latency = new ConcurrentHashMap<>();

    /** Records one answered request. */
    public void record(String route, String method, int status, long nanos) {
        requests.computeIfAbsent(new Key(route, method, status), k -> new AtomicLong()).incrementAndGet();
        Latency l = latency.computeIfAbsent(route, r -> new Latency());
        double seconds = nanos / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                l.buckets.incrementAndGet(i);
            }
        }
        l.count.incrementAndGet();
        l.sum.add(seconds);
    }

    /** Writes the counters and histograms. */
    public void collect(MetricsSink sink) {
        requests.forEach((k, v) -> sink.counter("opsbench_http_requests_total", "HTTP requests answered",
                Map.of("route", k.route(), "method", k.method(), "status", Integer.toString(k.status())), v.get()));
        latency.forEach((route, l) -> {
            long[] counts = new long[BOUNDS.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = l.buckets.get(i);
            }
            sink.histogram("opsbench_http_request_duration_seconds", "Time to answer an HTTP request",
                    Map.of("route", route), BOUNDS, counts, l.sum.sum(), l.count.get());
        });
    }
}
