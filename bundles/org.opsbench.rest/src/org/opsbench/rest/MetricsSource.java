package org.opsbench.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds metrics to {@code /metrics}: register an implementation as an OSGi service. {@link #collect} is called on every
 * scrape and must be quick (read counters, no I/O that can hang).
 */
@ConsumerType
public interface MetricsSource {

    /** Writes the current values into {@code sink}. */
    void collect(MetricsSink sink);
}
