package org.opsbench.assets;

import java.time.Instant;

/**
 * One recorded change of an item: a field (attribute, fact, name, lifecycle, tag, group, relationship) from one value
 * to another.
 *
 * @param ciId
 *            the item
 * @param time
 *            when
 * @param principal
 *            who (a user, or {@code system:...} for discovery)
 * @param field
 *            what changed, for example {@code attribute:owner}, {@code fact:os.version}, {@code lifecycle}
 * @param before
 *            the value before, {@code null} when it was added
 * @param after
 *            the value after, {@code null} when it was removed
 * @param source
 *            how it changed: {@code edit}, {@code discovery:ssh-linux}, {@code import:csv}, ...
 */
public record HistoryEntry(String ciId, Instant time, String principal, String field, String before, String after,
        String source) {
}
