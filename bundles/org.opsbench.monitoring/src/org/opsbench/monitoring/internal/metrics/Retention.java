package org.opsbench.monitoring.internal.metrics;

import java.time.Duration;

/** How long each resolution is kept. */
public record Retention(Duration raw, Duration fiveMinutes, Duration oneHour) {

    /** Raw 7 days, 5 minutes 90 days, 1 hour 2 years (730 days). */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(7), Duration.ofDays(90),
            Duration.ofDays(730));
}
