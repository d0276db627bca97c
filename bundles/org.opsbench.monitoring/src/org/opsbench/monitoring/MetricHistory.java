package org.opsbench.monitoring;

import org.opsbench.monitoring.metrics.MetricQueryResult;

/**
 * The recorded values of one metric of a host or check over a period, as {@link Monitoring#metrics} returns them.
 *
 * @param metric
 *            the metric's name as the check reports it ({@code time}, {@code load1}, {@code /var}...)
 * @param unit
 *            its unit ({@code ms}, {@code %}, {@code B}), empty when none
 * @param data
 *            the raw samples or rollup points the metric store picked for the period
 * @since 0.3.0
 */
public record MetricHistory(String metric, String unit, MetricQueryResult data) {
}
