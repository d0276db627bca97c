package org.opsbench.core.spi;

import java.time.Duration;
import java.util.Map;

import org.opsbench.core.CiRef;

/**
 * What a {@link CheckType} is asked to check.
 *
 * @param target
 *            the configuration item checked (usually a host)
 * @param address
 *            host name or address to reach it at
 * @param parameters
 *            the check's parameters, validated against {@link CheckType#parameters()}
 * @param timeout
 *            how long the check may take before it must return {@link Health#UNKNOWN}
 */
public record CheckContext(CiRef target, String address, Map<String, String> parameters, Duration timeout) {

    /** Copies the parameter map. */
    public CheckContext {
        parameters = Map.copyOf(parameters);
    }

    /** A parameter value, or {@code fallback} when absent. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }
}
