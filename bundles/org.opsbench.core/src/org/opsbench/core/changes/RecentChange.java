package org.opsbench.core.changes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.opsbench.core.CiRef;

/**
 * One thing that changed on configuration items: a change (request for change) or a detected configuration drift.
 *
 * @param kind
 *            a change or a drift
 * @param reference
 *            the change's number (for example {@code CHG-000042}) or the drift's source (for example
 *            {@code baseline:web-etc} or {@code assets})
 * @param summary
 *            one line for humans (the change's title, what drifted)
 * @param state
 *            the change's state name ({@code IMPLEMENTED}, {@code FAILED}, ...) or {@code DRIFT}
 * @param items
 *            the configuration items concerned that matched the question
 * @param start
 *            when it started (a change's actual start, else its planned start; when a drift was found)
 * @param end
 *            when it ended, or {@code null} when it has not ended (or a drift, which has no duration)
 */
public record RecentChange(Kind kind, String reference, String summary, String state, List<CiRef> items,
        Instant start, Instant end) {

    /** What it is. */
    public enum Kind {
        /** A request for change. */
        CHANGE,
        /** Configuration found different from its baseline or its last discovery. */
        DRIFT
    }

    /** Validates and copies the components. */
    public RecentChange {
        Objects.requireNonNull(kind, "RecentChange.kind");
        Objects.requireNonNull(reference, "RecentChange.reference");
        Objects.requireNonNull(start, "RecentChange.start");
        summary = summary == null ? "" : summary;
        state = state == null ? "" : state;
        items = List.copyOf(items);
    }
}
