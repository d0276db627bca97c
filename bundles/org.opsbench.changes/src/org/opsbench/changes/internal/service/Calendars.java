package org.opsbench.changes.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.Conflict;
import org.opsbench.core.CiRef;

/** Conflicts between change windows: two active changes overlapping in time on an item. */
public final class Calendars {

    private Calendars() {
    }

    /** The window a change occupies: actual start (else planned) to actual end (else planned end). */
    public static Instant[] window(ChangeRequest c) {
        Instant start = c.actualStart() != null ? c.actualStart() : c.draft().plannedStart();
        Instant end = c.actualEnd() != null ? c.actualEnd() : c.draft().plannedEnd();
        if (start != null && (end == null || !end.isAfter(start))) {
            end = start.plusSeconds(60);
        }
        return new Instant[]{start, end};
    }

    /** The conflicting pairs among the active ones of {@code changes} (SCHEDULED or IMPLEMENTING). */
    public static List<Conflict> conflicts(List<ChangeRequest> changes) {
        List<ChangeRequest> active = changes.stream().filter(c -> ChangeService.ACTIVE.contains(c.state()))
                .filter(c -> c.draft().plannedStart() != null).sorted((a, b) -> window(a)[0].compareTo(window(b)[0]))
                .toList();
        List<Conflict> found = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            Instant[] a = window(active.get(i));
            Set<String> ids = active.get(i).draft().items().stream().map(CiRef::id).collect(Collectors.toSet());
            for (int j = i + 1; j < active.size(); j++) {
                Instant[] b = window(active.get(j));
                if (a[0].isBefore(b[1]) && b[0].isBefore(a[1])) {
                    List<CiRef> shared = active.get(j).draft().items().stream().filter(x -> ids.contains(x.id()))
                            .toList();
                    if (!shared.isEmpty()) {
                        found.add(new Conflict(active.get(i).reference(), active.get(j).reference(), shared));
                    }
                }
            }
        }
        return found;
    }
}
