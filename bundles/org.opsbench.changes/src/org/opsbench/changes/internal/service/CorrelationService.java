package org.opsbench.changes.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opsbench.changes.ChangePermissions;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.Drift;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.changes.RecentChange;
import org.opsbench.core.changes.RecentChanges;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@link RecentChanges}: the changes whose window overlaps the interval looked back over, and the drift recorded in it:
 * the baselines' own and the drift the assets area reports on {@link Topics#ASSETS_DRIFT}, which this records as it
 * arrives (so the answer does not depend on the assets area still running).
 */
@Component(service = {RecentChanges.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "="
        + Topics.ASSETS_DRIFT)
public final class CorrelationService implements RecentChanges, EventHandler {

    // a change that never left the drawing board changed nothing
    private static final Set<ChangeState> TOUCHED = EnumSet.of(ChangeState.SCHEDULED, ChangeState.IMPLEMENTING,
            ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.ROLLED_BACK, ChangeState.REVIEWED,
            ChangeState.CLOSED);

    private final ChangesRuntime runtime;
    private final AccessControl access;

    /** With the area's runtime and access control. */
    @Activate
    public CorrelationService(@Reference ChangesRuntime runtime, @Reference AccessControl access) {
        this.runtime = runtime;
        this.access = access;
    }

    @Override
    public List<RecentChange> before(Principal caller, Collection<String> items, Instant at, Duration window) {
        access.check(caller, ChangePermissions.READ);
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        Set<String> wanted = new HashSet<>(items);
        Instant from = at.minus(window);
        List<RecentChange> found = new ArrayList<>();
        for (ChangeRequest c : runtime.changes().overlapping(from, at.plusMillis(1), TOUCHED)) {
            Instant[] w = Calendars.window(c);
            // a scheduled change that has not started by then has changed nothing yet
            if (c.actualStart() == null && c.state() == ChangeState.SCHEDULED && w[0].isAfter(at)) {
                continue;
            }
            List<CiRef> matched = c.draft().items().stream()
                    .filter(i -> wanted.contains(i.id()) || wanted.contains(i.name())).toList();
            if (!matched.isEmpty() && !w[0].isAfter(at)) {
                found.add(new RecentChange(RecentChange.Kind.CHANGE, c.reference(), c.title(), c.state().name(),
                        matched, w[0], c.actualEnd() != null || c.state() != ChangeState.IMPLEMENTING ? w[1] : null));
            }
        }
        for (Drift d : runtime.baselines().drift(from, at.plusMillis(1))) {
            if (wanted.contains(d.item().id()) || wanted.contains(d.item().name())) {
                found.add(new RecentChange(RecentChange.Kind.DRIFT, d.source(), d.summary(), "DRIFT",
                        List.of(d.item()), d.at(), null));
            }
        }
        found.sort(Comparator.comparing(RecentChange::start).reversed());
        return found;
    }

    @Override
    public void handleEvent(Event event) {
        String id = string(event, EventProperties.CI_ID);
        if (id == null || id.isBlank()) {
            return;
        }
        String type = string(event, EventProperties.CI_TYPE);
        String name = string(event, EventProperties.CI_NAME);
        String summary = string(event, EventProperties.SUMMARY);
        Instant at = event.getProperty(EventProperties.TIMESTAMP) instanceof Long l
                ? Instant.ofEpochMilli(l)
                : runtime.clock().instant();
        runtime.baselines().addDrift("assets", new CiRef(id, type == null || type.isBlank() ? "unknown" : type,
                name == null ? id : name), summary == null ? "configuration drift reported by discovery" : summary,
                "", at);
    }

    private static String string(Event event, String key) {
        return event.getProperty(key) instanceof String s ? s : null;
    }
}
