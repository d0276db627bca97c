package org.opsbench.changes;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;

/**
 * A configuration found different from its approved baseline, or reported drifting by the assets area.
 *
 * @param id
 *            its id
 * @param source
 *            {@code baseline:<name>} or {@code assets}
 * @param item
 *            the configuration item
 * @param summary
 *            one line, for example {@code 1 of 3 items differ: file:/etc/app.conf}
 * @param diff
 *            a unified diff of what changed (empty for drift reported by others)
 * @param at
 *            when it was found
 */
public record Drift(long id, String source, CiRef item, String summary, String diff, Instant at) {

    /** What a comparison found: the captured version and the differences (none: no drift). */
    public record Comparison(BaselineVersion approved, BaselineVersion current, List<String> changedSubjects,
            String diff) {

        /** Copies the list. */
        public Comparison {
            changedSubjects = List.copyOf(changedSubjects);
        }

        /** Whether the configuration drifted. */
        public boolean drifted() {
            return !changedSubjects.isEmpty();
        }
    }
}
