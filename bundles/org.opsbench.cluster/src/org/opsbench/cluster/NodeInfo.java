package org.opsbench.cluster;

import java.time.Instant;

/**
 * One Opsbench process on the shared database.
 *
 * @param id
 *            stable per workspace (a restarted server is the same node)
 * @param name
 *            for people: the configured name, or the host name
 * @param started
 *            when it (last) started, on the database's clock
 * @param heartbeat
 *            its last heartbeat, on the database's clock
 * @param live
 *            whether its heartbeat is recent and it did not stop
 */
public record NodeInfo(String id, String name, Instant started, Instant heartbeat, boolean live) {
}
