package org.opsbench.monitoring;

import java.time.Instant;

/**
 * An operator's note that a problem is known and being worked on: it stops repeated and escalated notifications until
 * the state changes.
 *
 * @param author
 *            who acknowledged
 * @param comment
 *            what is being done, never blank
 * @param time
 *            when
 */
public record Acknowledgement(String author, String comment, Instant time) {
}
