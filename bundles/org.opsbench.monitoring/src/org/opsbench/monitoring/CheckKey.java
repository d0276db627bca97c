package org.opsbench.monitoring;

import java.util.Objects;

/**
 * Names one check: the host it runs against and its name on that host. A key with a {@code null} check names the host
 * itself (its reachability state).
 *
 * @param host
 *            the monitored host's name
 * @param check
 *            the check's name on that host, or {@code null} for the host
 */
public record CheckKey(String host, String check) {

    /** Requires a host. */
    public CheckKey {
        Objects.requireNonNull(host, "CheckKey.host");
    }

    /** The key of a host's own state. */
    public static CheckKey host(String host) {
        return new CheckKey(host, null);
    }

    /** Parses {@code host/check} or {@code host}. */
    public static CheckKey parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? host(text) : new CheckKey(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Whether this names a host rather than a check. */
    public boolean isHost() {
        return check == null;
    }

    /**
     * The {@link org.opsbench.monitoring.metrics.MetricStore} series name of metric {@code metric} of this check:
     * {@code host/check/metric} ({@code host//metric} for the host check).
     */
    public String seriesName(String metric) {
        return host + "/" + (check == null ? "" : check) + "/" + metric;
    }

    @Override
    public String toString() {
        return check == null ? host : host + "/" + check;
    }
}
