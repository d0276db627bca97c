package org.opsbench.core.spi;

import java.util.List;

/**
 * The outcome of one check run.
 *
 * @param health
 *            the state found
 * @param summary
 *            one line for humans (the first line of Nagios plugin output)
 * @param metrics
 *            measured figures, possibly empty
 */
public record CheckResult(Health health, String summary, List<Metric> metrics) {

    /** Copies the metrics. */
    public CheckResult {
        metrics = List.copyOf(metrics);
    }

    /** A result without metrics. */
    public static CheckResult of(Health health, String summary) {
        return new CheckResult(health, summary, List.of());
    }
}
