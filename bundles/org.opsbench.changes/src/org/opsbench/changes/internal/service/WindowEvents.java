package org.opsbench.changes.internal.service;

import java.util.HashMap;
import java.util.Map;

import org.opsbench.changes.ChangeRequest;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;

/** The properties of the change-window protocol ({@code CHANGES_STARTED} / {@code CHANGES_ENDED}). */
final class WindowEvents {

    private WindowEvents() {
    }

    /** {@code reference}, {@code ci.ids}, {@code ci.names}, {@code summary} and {@code window.end} when planned. */
    static Map<String, Object> started(ChangeRequest c, String summary) {
        Map<String, Object> p = items(c);
        p.put(EventProperties.SUMMARY, summary);
        long end = c.draft().plannedEnd() != null
                ? c.draft().plannedEnd().toEpochMilli()
                : System.currentTimeMillis() + 4 * 3600_000L;
        // a window already past its plan still ends: an hour from now at the least
        p.put(EventProperties.WINDOW_END, Math.max(end, System.currentTimeMillis() + 3600_000L));
        return p;
    }

    /** {@code reference}, {@code ci.ids}, {@code ci.names}, {@code state.new}, {@code summary}. */
    static Map<String, Object> ended(ChangeRequest c, String summary) {
        Map<String, Object> p = items(c);
        p.put(EventProperties.NEW_STATE, c.state().name());
        p.put(EventProperties.SUMMARY, summary);
        return p;
    }

    private static Map<String, Object> items(ChangeRequest c) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.REFERENCE, c.reference());
        p.put(EventProperties.CI_IDS, c.draft().items().stream().map(CiRef::id).toArray(String[]::new));
        p.put(EventProperties.CI_NAMES, c.draft().items().stream().map(CiRef::name).toArray(String[]::new));
        return p;
    }
}
