package org.opsbench.cluster;

import java.time.Instant;

/**
 * A lease as the database has it, held or not.
 *
 * @param holder
 *            the holding node's id, or {@code null} when released
 * @param expired
 *            whether its time ran out (on the database's clock), so any node may take it
 */
public record LeaseState(String name, String holder, long generation, Instant expires, boolean expired) {
}
