package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.changes.RecentChange;
import org.opsbench.core.changes.RecentChanges;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.NotAllowedException;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@link RecentChanges} through the core API: for items (by id or name) and a moment, the changes that touched them in
 * the preceding window and the drift reported on them (here by an {@code ASSETS_DRIFT} event, as the assets area posts
 * it), newest first; nothing outside the window or on other items.
 */
class CorrelationTest {

    private static final CiRef APP = new CiRef("corr-app-" + People.RUN, "host", "app-" + People.RUN);
    private static final CiRef OTHER = new CiRef("corr-other-" + People.RUN, "host", "other-" + People.RUN);

    @BeforeAll
    static void users() throws Exception {
        People.ensure();
    }

    /** An emergency change on {@code items}, implemented now. */
    private static ChangeRequest implemented(String title, ChangeState end, CiRef... items) throws Exception {
        Changes changes = Osgi.service(Changes.class);
        Instant start = Instant.now().plus(Duration.ofMinutes(1));
        ChangeRequest c = changes.create(People.OPERATOR,
                ChangeDraft.of(ChangeType.EMERGENCY, title, List.of(items)));
        changes.submit(People.OPERATOR, c.reference());
        changes.schedule(People.OPERATOR, c.reference(), start, start.plus(Duration.ofMinutes(30)));
        changes.transition(People.OPERATOR, c.reference(), ChangeState.IMPLEMENTING, "");
        return changes.transition(People.OPERATOR, c.reference(), end, "");
    }

    @Test
    void answersWithTheChangesAndDriftOnTheItemsBeforeTheMoment() throws Exception {
        ChangeRequest first = implemented("raise pool size", ChangeState.IMPLEMENTED, APP);
        ChangeRequest onOther = implemented("unrelated", ChangeState.IMPLEMENTED, OTHER);
        ChangeRequest second = implemented("new TLS config", ChangeState.FAILED, OTHER, APP);
        Changes changes = Osgi.service(Changes.class);
        ChangeRequest notStarted = changes.create(People.OPERATOR,
                ChangeDraft.of(ChangeType.NORMAL, "still a draft", List.of(APP)));
        Thread.sleep(5);
        Osgi.service(EventAdmin.class).sendEvent(new Event(Topics.ASSETS_DRIFT, Map.of(EventProperties.CI_ID,
                APP.id(), EventProperties.CI_TYPE, "host", EventProperties.CI_NAME, APP.name(),
                EventProperties.SUMMARY, "os.kernel changed", EventProperties.TIMESTAMP, System.currentTimeMillis())));
        Thread.sleep(5);
        Instant alert = Instant.now();

        RecentChanges recent = Osgi.service(RecentChanges.class);
        List<RecentChange> byId = recent.before(People.VIEWER, List.of(APP.id()), alert);

        assertEquals(List.of("assets", second.reference(), first.reference()),
                byId.stream().map(RecentChange::reference).toList());
        RecentChange drift = byId.get(0);
        assertEquals(RecentChange.Kind.DRIFT, drift.kind());
        assertEquals("os.kernel changed", drift.summary());
        RecentChange failed = byId.get(1);
        assertEquals(RecentChange.Kind.CHANGE, failed.kind());
        assertEquals("FAILED", failed.state());
        assertEquals(List.of(APP), failed.items());
        assertEquals(second.actualStart(), failed.start());

        // by name, the same answer
        assertEquals(byId, recent.before(People.VIEWER, List.of(APP.name()), alert));
        // before any of them happened: nothing
        assertEquals(List.of(), recent.before(People.VIEWER, List.of(APP.id()), first.actualStart().minusSeconds(1)));
        // a moment long after: outside a one-hour window
        assertEquals(List.of(), recent.before(People.VIEWER, List.of(APP.id()), alert.plus(Duration.ofHours(3)),
                Duration.ofHours(1)));
        assertEquals(List.of(second.reference(), onOther.reference()), recent
                .before(People.VIEWER, List.of(OTHER.id()), alert).stream().map(RecentChange::reference).toList());
        assertEquals(ChangeState.DRAFT, notStarted.state());
    }

    @Test
    void readingNeedsTheReadPermission() throws Exception {
        RecentChanges recent = Osgi.service(RecentChanges.class);
        assertThrows(NotAllowedException.class, () -> recent.before(Principal.user("nobody-" + People.RUN, ""),
                List.of(APP.id()), Instant.now()));
    }
}
