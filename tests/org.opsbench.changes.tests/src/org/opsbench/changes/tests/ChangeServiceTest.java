package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.changes.ChangeCalendar;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeMetrics;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeTemplate;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Conflict;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.IllegalTransitionException;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.osgi.service.event.Event;

/**
 * The {@link Changes} service on the real Derby database with the real security area: the workflow through the service,
 * the CAB quorum, the emergency path with post-approval, standard templates, permissions, audit, events, the freeze
 * refusal, calendar conflicts and the risk score.
 */
class ChangeServiceTest {

    private static final String RUN = People.RUN;
    private static final CiRef WEB = new CiRef("web-" + RUN, "host", "web-" + RUN);
    private static final CiRef DB = new CiRef("db-" + RUN, "host", "db-" + RUN);
    // windows of this run lie in a far future of its own, so that calendars of earlier runs never interfere
    private static final Instant BASE = Instant.parse("2031-01-05T00:00:00Z")
            .plus(Duration.ofDays(7L * ThreadLocalRandom.current().nextInt(1, 5000)));

    private static Changes changes;
    private static RecordedEvents events;

    @BeforeAll
    static void setUp() throws Exception {
        People.ensure();
        changes = Osgi.service(Changes.class);
        events = new RecordedEvents(Topics.ROOT + "changes/*");
    }

    @AfterAll
    static void tearDown() {
        events.close();
    }

    private static ChangeDraft draft(ChangeType type, String title, CiRef... items) {
        return ChangeDraft.of(type, title, List.of(items)).withSteps(List.of("true"), List.of("true"));
    }

    private static ChangeRequest assessed(String title, CiRef... items) {
        ChangeRequest c = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, title, items));
        changes.submit(People.OPERATOR, c.reference());
        return changes.transition(People.CAB_1, c.reference(), ChangeState.ASSESSED, "looked at it");
    }

    @Test
    void referencesAreNumberedAndANewChangeIsADraft() {
        ChangeRequest a = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "first", WEB));
        ChangeRequest b = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "second", WEB));
        assertTrue(a.reference().matches("CHG-\\d{6}"), a.reference());
        assertEquals(Integer.parseInt(a.reference().substring(4)) + 1, Integer.parseInt(b.reference().substring(4)));
        assertEquals(ChangeState.DRAFT, a.state());
        assertEquals(People.OPERATOR.name(), a.requester());
        assertEquals(a, changes.find(People.VIEWER, a.reference()).orElseThrow());
    }

    @Test
    void aNormalChangeNeedsTheQuorumOfTwoDistinctBoardMembers() {
        ChangeRequest c = assessed("kernel update", WEB);
        assertEquals(ChangeState.ASSESSED, c.state());
        assertTrue(c.risk() != null && c.risk().score() > 0, "ASSESSED stores the risk");

        IllegalStateException early = assertThrows(IllegalStateException.class,
                () -> changes.transition(People.CAB_1, c.reference(), ChangeState.APPROVED, ""));
        assertTrue(early.getMessage().contains("needs 2 approvals, has 0"), early.getMessage());
        assertFalse(changes.allowedTransitions(People.CAB_1, c.reference()).contains(ChangeState.APPROVED));

        ChangeRequest once = changes.approve(People.CAB_1, c.reference(), "fine");
        assertEquals(ChangeState.ASSESSED, once.state());
        assertEquals(1, once.approvalCount());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> changes.approve(People.CAB_1, c.reference(), "again"));
        assertTrue(twice.getMessage().contains("already decided"), twice.getMessage());

        ChangeRequest approved = changes.approve(People.CAB_2, c.reference(), "go");
        assertEquals(ChangeState.APPROVED, approved.state());
        assertEquals(2, approved.approvalCount());
        assertEquals(List.of(ChangeState.DRAFT, ChangeState.SUBMITTED, ChangeState.ASSESSED, ChangeState.APPROVED),
                changes.history(People.VIEWER, c.reference()).stream().map(h -> h.to()).toList());
    }

    @Test
    void theRequesterCannotApproveTheirOwnChange() {
        ChangeRequest c = changes.create(People.CAB_1, draft(ChangeType.NORMAL, "own", WEB));
        changes.submit(People.CAB_1, c.reference());
        changes.transition(People.CAB_2, c.reference(), ChangeState.ASSESSED, "");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> changes.approve(People.CAB_1, c.reference(), "mine"));
        assertTrue(e.getMessage().contains("cannot decide on it"), e.getMessage());
    }

    @Test
    void aRejectionNeedsAReasonAndEndsInRejected() {
        ChangeRequest c = assessed("risky", WEB);
        InvalidChangeException noReason = assertThrows(InvalidChangeException.class,
                () -> changes.reject(People.CAB_1, c.reference(), " "));
        assertEquals("comment", noReason.field());
        assertEquals(ChangeState.REJECTED, changes.reject(People.CAB_1, c.reference(), "no rollback tested").state());
        assertEquals(Set.of(ChangeState.DRAFT, ChangeState.CLOSED),
                changes.allowedTransitions(People.CAB_1, c.reference()));
        assertEquals(ChangeState.DRAFT, changes.transition(People.OPERATOR, c.reference(), ChangeState.DRAFT,
                "rework").state());
    }

    @Test
    void anIllegalMoveThroughTheServiceIsRefusedNamingTheAllowedOnes() {
        ChangeRequest c = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "skip ahead", WEB));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> changes.transition(People.OPERATOR, c.reference(), ChangeState.SCHEDULED, ""));
        assertEquals("a normal change cannot go from DRAFT to SCHEDULED; allowed: [SUBMITTED]", e.getMessage());
        assertEquals(ChangeState.DRAFT, changes.find(People.OPERATOR, c.reference()).orElseThrow().state());
    }

    @Test
    void movesNeedTheirPermissionAndRefusalsChangeNothing() {
        assertThrows(NotAllowedException.class,
                () -> changes.create(People.VIEWER, draft(ChangeType.NORMAL, "viewer", WEB)));
        ChangeRequest c = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "perm", WEB));
        changes.submit(People.OPERATOR, c.reference());
        // assessing is the board's
        assertThrows(NotAllowedException.class,
                () -> changes.transition(People.OPERATOR, c.reference(), ChangeState.ASSESSED, ""));
        assertThrows(NotAllowedException.class, () -> changes.approve(People.OPERATOR, c.reference(), ""));
        assertEquals(Set.of(ChangeState.DRAFT), changes.allowedTransitions(People.OPERATOR, c.reference()));
        assertEquals(ChangeState.SUBMITTED, changes.find(People.VIEWER, c.reference()).orElseThrow().state());
    }

    @Test
    void everyWriteIsAuditedAndPostedAsAnEvent() throws Exception {
        ChangeRequest c = changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "audited", WEB));
        changes.submit(People.OPERATOR, c.reference());
        List<AuditRecord> trail = Osgi.service(AuditTrail.class).search(People.SETUP,
                new AuditQuery(null, null, People.OPERATOR.name(), "change", c.reference(), 0));
        assertEquals(List.of("changes.change.create", "changes.change.transition"),
                trail.stream().map(r -> r.entry().action()).sorted().toList());
        assertTrue(trail.stream().anyMatch(r -> "DRAFT".equals(r.entry().before())
                && "SUBMITTED".equals(r.entry().after())));
        Event moved = events.await(Topics.CHANGES_UPDATED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE))
                        && "SUBMITTED".equals(e.getProperty(EventProperties.NEW_STATE)));
        assertEquals("DRAFT", moved.getProperty(EventProperties.OLD_STATE));
        assertEquals(People.OPERATOR.name(), moved.getProperty(EventProperties.PRINCIPAL));
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("title", assertThrows(InvalidChangeException.class,
                () -> changes.create(People.OPERATOR, draft(ChangeType.NORMAL, " ", WEB))).field());
        assertEquals("items", assertThrows(InvalidChangeException.class,
                () -> changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "no items"))).field());
        assertEquals("plannedEnd", assertThrows(InvalidChangeException.class,
                () -> changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "backwards", WEB)
                        .withWindow(BASE, BASE.minusSeconds(1))))
                .field());
        assertEquals("type", assertThrows(InvalidChangeException.class,
                () -> changes.update(People.OPERATOR,
                        changes.create(People.OPERATOR, draft(ChangeType.NORMAL, "x", WEB)).reference(),
                        draft(ChangeType.STANDARD, "x", WEB)))
                .field());
    }

    @Test
    void aStandardChangeFromATemplateIsPreApprovedOnSubmission() {
        String name = "restart-app-" + RUN;
        changes.saveTemplate(People.CAB_1, new ChangeTemplate(name, "Restart the app", "routine",
                List.of("systemctl restart app"), List.of("systemctl start app"), "curl /health"));
        assertThrows(NotAllowedException.class, () -> changes.saveTemplate(People.OPERATOR,
                new ChangeTemplate(name, "x", "", List.of("true"), List.of(), "")));
        ChangeRequest c = changes.createFromTemplate(People.OPERATOR, name, List.of(WEB), null, null);
        assertEquals(ChangeType.STANDARD, c.type());
        assertEquals(name, c.template());
        assertEquals(List.of("systemctl restart app"), c.draft().steps());
        ChangeRequest submitted = changes.submit(People.OPERATOR, c.reference());
        assertEquals(ChangeState.APPROVED, submitted.state());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> changes.approve(People.CAB_1, c.reference(), ""));
        assertTrue(e.getMessage().contains("pre-approved"), e.getMessage());
    }

    @Test
    void anEmergencyIsScheduledBeforeApprovalAndClosedOnlyAfterItsPostApproval() {
        ChangeRequest c = changes.create(People.OPERATOR, draft(ChangeType.EMERGENCY, "hotfix", DB));
        changes.submit(People.OPERATOR, c.reference());
        Instant start = BASE.plus(Duration.ofDays(3));
        changes.schedule(People.OPERATOR, c.reference(), start, start.plus(Duration.ofHours(1)));
        changes.transition(People.OPERATOR, c.reference(), ChangeState.IMPLEMENTING, "");
        changes.transition(People.OPERATOR, c.reference(), ChangeState.IMPLEMENTED, "");
        changes.transition(People.OPERATOR, c.reference(), ChangeState.REVIEWED, "worked");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> changes.transition(People.OPERATOR, c.reference(), ChangeState.CLOSED, ""));
        assertTrue(e.getMessage().contains("needs its post-approval"), e.getMessage());

        ChangeRequest post = changes.approve(People.CAB_1, c.reference(), "justified");
        assertTrue(post.approvals().get(0).afterImplementation());
        assertEquals(ChangeState.REVIEWED, post.state());
        assertEquals(ChangeState.CLOSED,
                changes.transition(People.OPERATOR, c.reference(), ChangeState.CLOSED, "").state());
    }

    private static ChangeRequest approved(String title, CiRef... items) {
        ChangeRequest c = assessed(title, items);
        changes.approve(People.CAB_1, c.reference(), "");
        return changes.approve(People.CAB_2, c.reference(), "");
    }

    @Test
    void aFreezeRefusesSchedulingExceptForEmergencies() {
        Instant freezeStart = BASE.plus(Duration.ofDays(10));
        FreezeWindow freeze = changes.saveFreeze(People.CAB_1, new FreezeWindow(0, "year-end " + RUN, freezeStart,
                freezeStart.plus(Duration.ofDays(2)), "books closing"));
        assertThrows(NotAllowedException.class, () -> changes.saveFreeze(People.OPERATOR,
                new FreezeWindow(0, "mine", freezeStart, freezeStart.plusSeconds(60), "")));
        ChangeRequest normal = approved("during freeze", WEB);
        Instant inside = freezeStart.plus(Duration.ofHours(20));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> changes.schedule(People.OPERATOR, normal.reference(), inside, inside.plus(Duration.ofHours(1))));
        assertTrue(refused.getMessage().contains("falls in the freeze 'year-end " + RUN + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("only emergency changes"), refused.getMessage());
        assertEquals(ChangeState.APPROVED, changes.find(People.OPERATOR, normal.reference()).orElseThrow().state());
        // just after the freeze it is fine
        changes.schedule(People.OPERATOR, normal.reference(), freeze.end(), freeze.end().plus(Duration.ofHours(1)));

        ChangeRequest emergency = changes.create(People.OPERATOR, draft(ChangeType.EMERGENCY, "urgent", WEB));
        changes.submit(People.OPERATOR, emergency.reference());
        changes.schedule(People.OPERATOR, emergency.reference(), inside, inside.plus(Duration.ofHours(1)));
        assertEquals(ChangeState.SCHEDULED,
                changes.find(People.OPERATOR, emergency.reference()).orElseThrow().state());

        ChangeCalendar cal = changes.calendar(People.VIEWER, freezeStart, freeze.end().plus(Duration.ofDays(1)));
        assertEquals(List.of(freeze), cal.freezes());
        assertTrue(changes.deleteFreeze(People.CAB_1, freeze.id()));
    }

    @Test
    void theCalendarShowsConflictsOnTheSameItemInOverlappingWindows() {
        Instant day = BASE.plus(Duration.ofDays(20));
        ChangeRequest a = approved("a", WEB, DB);
        ChangeRequest b = approved("b", DB);
        ChangeRequest c = approved("c", WEB);
        ChangeRequest apart = approved("apart", DB);
        assertEquals(List.of(), changes.schedule(People.OPERATOR, a.reference(), day, day.plus(Duration.ofHours(2))));
        List<Conflict> withB = changes.schedule(People.OPERATOR, b.reference(), day.plus(Duration.ofHours(1)),
                day.plus(Duration.ofHours(3)));
        assertEquals(List.of(new Conflict(a.reference(), b.reference(), List.of(DB))), withB);
        // c touches WEB but starts when a has ended: no conflict
        assertEquals(List.of(), changes.schedule(People.OPERATOR, c.reference(), day.plus(Duration.ofHours(2)),
                day.plus(Duration.ofHours(4))));
        changes.schedule(People.OPERATOR, apart.reference(), day.plus(Duration.ofHours(5)),
                day.plus(Duration.ofHours(6)));

        ChangeCalendar cal = changes.calendar(People.VIEWER, day, day.plus(Duration.ofDays(1)));
        assertEquals(List.of(a.reference(), b.reference(), c.reference(), apart.reference()),
                cal.changes().stream().map(ChangeRequest::reference).toList());
        assertEquals(List.of(new Conflict(a.reference(), b.reference(), List.of(DB))), cal.conflicts());
        assertEquals(withB, changes.conflicts(People.VIEWER, a.reference()));
    }

    @Test
    void riskCountsTypeItemsMissingRollbackAndPastFailuresWithReasons() {
        CiRef x = new CiRef("risk-x-" + RUN, "host", "risk-x-" + RUN);
        CiRef y = new CiRef("risk-y-" + RUN, "host", "risk-y-" + RUN);
        ChangeRequest plain = changes.create(People.OPERATOR,
                ChangeDraft.of(ChangeType.EMERGENCY, "no rollback", List.of(x, y)).withSteps(List.of("true"),
                        List.of()));
        RiskAssessment r = changes.assessRisk(People.VIEWER, plain.reference());
        // no CMDB in this runtime: unknown criticality counts 10
        assertEquals(List.of("+10 " + x.name() + " is of criticality unknown", "+25 emergency change",
                "+5 2 configuration items", "+10 no rollback steps"), r.reasons());
        assertEquals(50, r.score());
        assertEquals(RiskAssessment.Level.MEDIUM, r.level());

        ChangeRequest failed = changes.create(People.OPERATOR, draft(ChangeType.EMERGENCY, "failed before", y));
        changes.submit(People.OPERATOR, failed.reference());
        Instant at = BASE.plus(Duration.ofDays(30));
        changes.schedule(People.OPERATOR, failed.reference(), at, at.plusSeconds(600));
        changes.transition(People.OPERATOR, failed.reference(), ChangeState.IMPLEMENTING, "");
        changes.transition(People.OPERATOR, failed.reference(), ChangeState.FAILED, "broke");
        RiskAssessment after = changes.assessRisk(People.VIEWER, plain.reference());
        assertEquals(60, after.score());
        assertEquals(RiskAssessment.Level.HIGH, after.level());
        assertEquals("+10 1 similar change failed before: " + failed.reference(), after.reasons().get(3));
    }

    @Test
    void implementationStartAndEndPostTheChangeWindowWithItsItems() throws Exception {
        ChangeRequest c = approved("window", WEB, DB);
        Instant start = BASE.plus(Duration.ofDays(40));
        Instant end = start.plus(Duration.ofDays(3650));
        changes.schedule(People.OPERATOR, c.reference(), start, end);
        changes.transition(People.OPERATOR, c.reference(), ChangeState.IMPLEMENTING, "");
        Event started = events.await(Topics.CHANGES_STARTED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE)));
        assertEquals(List.of(WEB.id(), DB.id()), List.of((String[]) started.getProperty(EventProperties.CI_IDS)));
        assertEquals(List.of(WEB.name(), DB.name()),
                List.of((String[]) started.getProperty(EventProperties.CI_NAMES)));
        assertEquals(end.toEpochMilli(), started.getProperty(EventProperties.WINDOW_END));
        assertTrue(((String) started.getProperty(EventProperties.SUMMARY)).contains("window"));
        assertEquals(People.OPERATOR.name(), started.getProperty(EventProperties.PRINCIPAL));
        assertTrue(started.getProperty(EventProperties.TIMESTAMP) instanceof Long);

        changes.transition(People.OPERATOR, c.reference(), ChangeState.IMPLEMENTED, "");
        Event ended = events.await(Topics.CHANGES_ENDED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE)));
        assertEquals("IMPLEMENTED", ended.getProperty(EventProperties.NEW_STATE));
        assertEquals(List.of(WEB.id(), DB.id()), List.of((String[]) ended.getProperty(EventProperties.CI_IDS)));
    }

    @Test
    void metricsCountSuccessFailureAndEmergencies() throws InterruptedException {
        // what earlier tests ended lies before this millisecond
        Thread.sleep(2);
        Instant from = Instant.now();
        ChangeRequest ok = approved("metric ok", WEB);
        Instant at = BASE.plus(Duration.ofDays(50));
        changes.schedule(People.OPERATOR, ok.reference(), at, at.plusSeconds(60));
        changes.transition(People.OPERATOR, ok.reference(), ChangeState.IMPLEMENTING, "");
        changes.transition(People.OPERATOR, ok.reference(), ChangeState.IMPLEMENTED, "");
        ChangeRequest bad = changes.create(People.OPERATOR, draft(ChangeType.EMERGENCY, "metric bad", WEB));
        changes.submit(People.OPERATOR, bad.reference());
        changes.schedule(People.OPERATOR, bad.reference(), at.plusSeconds(120), at.plusSeconds(180));
        changes.transition(People.OPERATOR, bad.reference(), ChangeState.IMPLEMENTING, "");
        changes.transition(People.OPERATOR, bad.reference(), ChangeState.FAILED, "");
        changes.transition(People.OPERATOR, bad.reference(), ChangeState.ROLLED_BACK, "");
        ChangeMetrics before = changes.metrics(People.VIEWER, Instant.EPOCH, from);
        ChangeMetrics all = changes.metrics(People.VIEWER, Instant.EPOCH, Instant.now().plusSeconds(1));
        assertEquals(before.implemented() + 1, all.implemented());
        assertEquals(before.failed() + 1, all.failed());
        assertEquals(before.rolledBack() + 1, all.rolledBack());
        assertEquals(before.emergency() + 1, all.emergency());
    }
}
