package org.opsbench.core.spi;

/**
 * One measured figure (Nagios "performance data").
 *
 * @param name
 *            metric name, for example {@code load1} or {@code rta}
 * @param value
 *            the value
 * @param unit
 *            unit such as {@code ms}, {@code %}, {@code B}; empty when none
 */
public record Metric(String name, double value, String unit) {
}
