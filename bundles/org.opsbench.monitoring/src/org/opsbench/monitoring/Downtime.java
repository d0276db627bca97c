package org.opsbench.monitoring;

import java.time.Instant;

/**
 * A scheduled maintenance window: while it lasts, problems of the host (and all its checks) or of the one check are
 * shown as "in downtime" and send no notifications.
 *
 * @param id
 *            assigned when scheduled, 0 before
 * @param target
 *            the host ({@link CheckKey#host(String)}) or the check
 * @param start
 *            when it begins
 * @param end
 *            when it ends, after {@code start}
 * @param author
 *            who scheduled it
 * @param comment
 *            why, never blank
 */
public record Downtime(long id, CheckKey target, Instant start, Instant end, String author, String comment) {

    /** Whether it covers {@code time}. */
    public boolean covers(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether it covers {@code key} (the host's downtime covers its checks). */
    public boolean covers(CheckKey key) {
        return target.host().equals(key.host()) && (target.isHost() || target.equals(key));
    }
}
