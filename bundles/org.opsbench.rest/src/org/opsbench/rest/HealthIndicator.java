package org.opsbench.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One condition of {@code /health/ready} (for example the monitoring scheduler): register an implementation as an OSGi
 * service. The server is ready when the database answers and every indicator is up.
 */
@ConsumerType
public interface HealthIndicator {

    /** A short name, unique among indicators, such as {@code scheduler}. */
    String name();

    /** The current state; quick, and never throws (an exception counts as down). */
    Health check();
}
