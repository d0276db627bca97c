package org.opsbench.core;

/**
 * How bad an event or alert is, from merely informative to critical. The declaration order is the order of badness, so
 * {@link #compareTo(Enum)} sorts from least to most severe.
 */
public enum Severity {
    /** Nothing is wrong; recorded for the trail only. */
    INFO,
    /** Something needs a look before it hurts. */
    WARNING,
    /** Service is degraded for some users. */
    MINOR,
    /** Service is degraded for many users or a key function fails. */
    MAJOR,
    /** Service is down. */
    CRITICAL;

    /** Whether this severity is strictly worse than {@code other}. */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }

    /** The worse of two severities. */
    public static Severity worst(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
