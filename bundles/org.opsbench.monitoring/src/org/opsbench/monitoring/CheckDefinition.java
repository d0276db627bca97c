package org.opsbench.monitoring;

import java.time.Duration;
import java.util.Map;

/**
 * A check as configured: what runs against which host, how often, and when its result counts as a problem.
 *
 * @param host
 *            the monitored host's name
 * @param name
 *            unique on the host, letters, digits and {@code . _ -}
 * @param type
 *            the {@link org.opsbench.core.spi.CheckType#id() check type}
 * @param parameters
 *            the type's parameters
 * @param interval
 *            how often it runs while its state is HARD
 * @param retryInterval
 *            how often it runs while a problem is SOFT (not yet confirmed)
 * @param maxAttempts
 *            how many problem results in a row make the state HARD (and alert)
 * @param timeout
 *            how long one run may take before it counts as UNKNOWN
 * @param thresholds
 *            limits on one of the result's metrics, or {@code null}
 * @param enabled
 *            whether it is scheduled
 */
public record CheckDefinition(String host, String name, String type, Map<String, String> parameters,
        Duration interval, Duration retryInterval, int maxAttempts, Duration timeout, Thresholds thresholds,
        boolean enabled) {

    /** Copies the parameters and fills defaults. */
    public CheckDefinition {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxAttempts = maxAttempts == 0 ? 3 : maxAttempts;
    }

    /** A check with default timing (every minute, retry every 30 s, 3 attempts, 10 s timeout). */
    public static CheckDefinition of(String host, String name, String type, Map<String, String> parameters) {
        return new CheckDefinition(host, name, type, parameters, null, null, 0, null, null, true);
    }

    /** Its key. */
    public CheckKey key() {
        return new CheckKey(host, name);
    }

    /** This check with other timing. */
    public CheckDefinition withTiming(Duration every, Duration retry, int attempts, Duration limit) {
        return new CheckDefinition(host, name, type, parameters, every, retry, attempts, limit, thresholds, enabled);
    }

    /** This check with thresholds. */
    public CheckDefinition withThresholds(Thresholds limits) {
        return new CheckDefinition(host, name, type, parameters, interval, retryInterval, maxAttempts, timeout, limits,
                enabled);
    }

    /** This check enabled or not. */
    public CheckDefinition withEnabled(boolean on) {
        return new CheckDefinition(host, name, type, parameters, interval, retryInterval, maxAttempts, timeout,
                thresholds, on);
    }

    /**
     * Limits on the metric {@code metric} of each result, in Nagios range syntax ({@code 10}, {@code 10:},
     * {@code ~:10}, {@code @10:20}); a value outside the warning range makes the result at least WARNING, outside the
     * critical range CRITICAL. Either range may be {@code null}.
     */
    public record Thresholds(String metric, String warning, String critical) {
    }
}
