package org.opsbench.rest.internal.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

import org.opsbench.rest.MetricsSink;

/** JVM figures: heap, threads, garbage collection, uptime. */
public final class JvmMetrics {

    private JvmMetrics() {
    }

    /** Writes them into {@code sink}. */
    public static void collect(MetricsSink sink) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        sink.gauge("jvm_memory_heap_used_bytes", "Used heap", Map.of(), heap.getUsed());
        sink.gauge("jvm_memory_heap_committed_bytes", "Committed heap", Map.of(), heap.getCommitted());
        sink.gauge("jvm_memory_heap_max_bytes", "Maximum heap (-1 if undefined)", Map.of(), heap.getMax());
        var threads = ManagementFactory.getThreadMXBean();
        sink.gauge("jvm_threads_live", "Live threads", Map.of(), threads.getThreadCount());
        sink.gauge("jvm_threads_daemon", "Live daemon threads", Map.of(), threads.getDaemonThreadCount());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sink.counter("jvm_gc_collections_total", "Garbage collections", Map.of("gc", gc.getName()),
                    Math.max(0, gc.getCollectionCount()));
            sink.counter("jvm_gc_collection_seconds_total", "Time spent in garbage collection",
                    Map.of("gc", gc.getName()), Math.max(0, gc.getCollectionTime()) / 1000.0);
        }
        sink.gauge("process_uptime_seconds", "Seconds since the JVM started", Map.of(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        sink.gauge("process_available_processors", "Processors available to the JVM", Map.of(),
                Runtime.getRuntime().availableProcessors());
    }
}
