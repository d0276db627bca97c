package org.opsbench.monitoring.metrics;

/**
 * A series of the store.
 *
 * @param id
 *            the store's id of the series, used to append and query
 * @param name
 *            unique name, for example {@code host1/cpu.load1}
 * @param unit
 *            unit of the values, for example {@code %} or {@code B}; empty when none
 */
public record SeriesKey(int id, String name, String unit) {
}
