/**
 * The metric store of the monitoring area: numeric time series stored compactly (Gorilla-encoded chunks), with 5-minute
 * and 1-hour rollups and retention per resolution. See {@link org.opsbench.monitoring.metrics.MetricStore}.
 */
package org.opsbench.monitoring.metrics;
