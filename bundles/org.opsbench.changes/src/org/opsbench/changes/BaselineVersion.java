package org.opsbench.changes;

import java.time.Instant;
import java.util.List;

/**
 * One capture of a baseline.
 *
 * @param name
 *            the baseline
 * @param version
 *            1 and up
 * @param captured
 *            when
 * @param capturedBy
 *            who
 * @param approved
 *            whether this is the approved version that comparisons are against
 * @param approvedWith
 *            the change that authorised it, or empty (the first capture, or a manual approval)
 * @param items
 *            what was captured
 */
public record BaselineVersion(String name, int version, Instant captured, String capturedBy, boolean approved,
        String approvedWith, List<Item> items) {

    /** Copies the list. */
    public BaselineVersion {
        items = List.copyOf(items);
        approvedWith = approvedWith == null ? "" : approvedWith;
    }

    /**
     * One captured file or command output.
     *
     * @param subject
     *            {@code file:/etc/hosts} or {@code command:uname -r}
     * @param sha256
     *            the content's SHA-256, hex
     * @param content
     *            the content (UTF-8 text)
     */
    public record Item(String subject, String sha256, String content) {
    }
}
