package org.opsbench.monitoring;

import java.util.Optional;
import java.util.OptionalDouble;

import org.opsbench.core.spi.Metric;

/**
 * One performance data item with everything the Nagios plugin API carries.
 *
 * @param label
 *            the label, unquoted
 * @param value
 *            the value, {@link Double#NaN} when the plugin reported {@code U} (unknown)
 * @param unit
 *            the unit of measure ({@code s}, {@code ms}, {@code us}, {@code %}, {@code B}, {@code KB}, {@code MB},
 *            {@code GB}, {@code TB}, {@code c}); empty when none
 * @param warn
 *            the warning range, when given
 * @param crit
 *            the critical range, when given
 * @param min
 *            the minimum possible value, when given
 * @param max
 *            the maximum possible value, when given
 */
public record PerfValue(String label, double value, String unit, Optional<Range> warn, Optional<Range> crit,
        OptionalDouble min, OptionalDouble max) {

    /** Whether the plugin reported a value ({@code false} for {@code U}). */
    public boolean known() {
        return !Double.isNaN(value);
    }

    /** The core {@link Metric}, or empty for an unknown value. */
    public Optional<Metric> toMetric() {
        return known() ? Optional.of(new Metric(label, value, unit)) : Optional.empty();
    }
}
