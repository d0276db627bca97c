package org.opsbench.core.spi;

import java.time.Instant;
import java.util.Map;

import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;

/**
 * What a {@link Notifier} delivers.
 *
 * @param time
 *            when it happened
 * @param severity
 *            how bad it is
 * @param subject
 *            one line
 * @param body
 *            details, plain text
 * @param item
 *            the configuration item concerned, or {@code null}
 * @param properties
 *            extra key/values (event properties)
 */
public record Notification(Instant time, Severity severity, String subject, String body, CiRef item,
        Map<String, String> properties) {

    /** Copies the properties. */
    public Notification {
        properties = Map.copyOf(properties);
    }
}
