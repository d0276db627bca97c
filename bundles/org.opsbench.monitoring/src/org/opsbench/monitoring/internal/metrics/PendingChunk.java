package org.opsbench.monitoring.internal.metrics;

/** A sealed, encoded chunk waiting for the next flush. */
public record PendingChunk(int seriesId, long start, long end, int count, byte[] data) {
}
