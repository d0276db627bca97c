package org.opsbench.incidents;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of a ticket's worklog: a comment, work done (with time spent) or a change the system recorded.
 *
 * @param at
 *            when
 * @param author
 *            login of who wrote it ({@code system:...} for automatic entries)
 * @param kind
 *            comment, work or system
 * @param text
 *            the text
 * @param timeSpent
 *            time spent on work, zero for comments and system entries
 */
public record WorklogEntry(Instant at, String author, Kind kind, String text, Duration timeSpent) {

    /** What a worklog line is. */
    public enum Kind {
        /** A comment. */
        COMMENT,
        /** Work done, with time spent. */
        WORK,
        /** Recorded by the system: transitions, assignments, alerts. */
        SYSTEM
    }
}
