package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.AlertRecord.Kind;
import org.opsbench.monitoring.AlertRecord.Outcome;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.internal.engine.Effects;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.SavedState;
import org.opsbench.monitoring.internal.store.ConfigStore;

/** The engine on an explicit clock: soft/hard, alerts by rule, downtime, dependencies, repeats, escalation, acks. */
class EngineTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final CheckKey HTTP = new CheckKey("web-1", "http");
    private static final CheckKey WEB = CheckKey.host("web-1");
    private static final CheckKey ROUTER = CheckKey.host("router");

    private final Engine engine = new Engine();
    private final List<Effects.Alert> alerts = new ArrayList<>();

    @BeforeEach
    void configure() {
        HostDefinition router = HostDefinition.of("router", "10.0.0.1").withHostCheck("tcp", Map.of("port", "22"),
                Duration.ofMinutes(1), 1);
        HostDefinition web = HostDefinition.of("web-1", "10.0.1.1")
                .withHostCheck("tcp", Map.of("port", "22"), Duration.ofMinutes(1), 1).withParents(List.of("router"));
        CheckDefinition http = CheckDefinition.of("web-1", "http", "http", Map.of())
                .withTiming(Duration.ofMinutes(1), Duration.ofSeconds(30), 3, Duration.ofSeconds(10))
                .withThresholds(new CheckDefinition.Thresholds("time", "500", "2000"));
        NotificationRule pager = NotificationRule
                .of("pager", Set.of("CRITICAL", "OK", "DOWN", "UP"), "*", "*", "log", Map.of())
                .withRepeat(Duration.ofMinutes(30), Duration.ofMinutes(15), "webhook", Map.of("url", "http://x"));
        engine.load(new ConfigStore.Snapshot(List.of(router, web), List.of(http), List.of(pager), List.of()),
                List.of());
    }

    private Effects result(CheckKey key, Health health, Instant at) {
        Effects e = engine.accept(key, CheckResult.of(health, health + " at " + at), at);
        alerts.addAll(e.alerts());
        return e;
    }

    private List<Effects.Alert> sent(Kind kind) {
        return alerts.stream().filter(a -> a.notification() != null && a.record().kind() == kind).toList();
    }

    @Test
    void problemBecomesHardAfterMaxAttemptsAndAlertsOnce() {
        result(HTTP, Health.CRITICAL, T0);
        result(HTTP, Health.CRITICAL, T0.plusSeconds(30));
        CheckStatus soft = engine.checkStatus(HTTP, T0, k -> null).orElseThrow();
        assertEquals(StateType.SOFT, soft.stateType());
        assertEquals(2, soft.attempt());
        assertTrue(sent(Kind.PROBLEM).isEmpty(), "a soft problem does not alert");
        Effects hard = result(HTTP, Health.CRITICAL, T0.plusSeconds(60));
        assertEquals(1, hard.changes().size(), "the hard change is posted");
        assertEquals(1, sent(Kind.PROBLEM).size());
        assertEquals("pager", sent(Kind.PROBLEM).get(0).record().rule());
        assertEquals("log", sent(Kind.PROBLEM).get(0).record().notifier());
        result(HTTP, Health.CRITICAL, T0.plusSeconds(120));
        assertEquals(1, sent(Kind.PROBLEM).size(), "the same hard problem alerts once");
        result(HTTP, Health.OK, T0.plusSeconds(180));
        assertEquals(1, sent(Kind.RECOVERY).size(), "a notified problem's recovery is sent");
    }

    @Test
    void softProblemThatRecoversNeverAlerts() {
        result(HTTP, Health.CRITICAL, T0);
        result(HTTP, Health.OK, T0.plusSeconds(30));
        assertTrue(alerts.stream().noneMatch(a -> a.notification() != null));
    }

    @Test
    void thresholdOnAMetricRaisesTheState() {
        Effects e = engine.accept(HTTP, new CheckResult(Health.OK, "HTTP OK", List.of(new Metric("time", 812, "ms"))),
                T0);
        CheckStatus s = engine.checkStatus(HTTP, T0, k -> null).orElseThrow();
        assertEquals(Health.WARNING, s.state());
        assertTrue(s.output().contains("time=812ms outside warning 500"), s.output());
        assertEquals(1, e.samples().size(), "the metric goes to the metric store");
    }

    @Test
    void downtimeHoldsTheProblemBackUntilItEnds() {
        engine.addDowntime(new Downtime(7, WEB, T0, T0.plus(Duration.ofMinutes(10)), "ops", "patching"));
        for (int i = 0; i < 3; i++) {
            result(HTTP, Health.CRITICAL, T0.plusSeconds(30L * i));
        }
        assertTrue(sent(Kind.PROBLEM).isEmpty());
        assertEquals(Outcome.SUPPRESSED_DOWNTIME, alerts.get(alerts.size() - 1).record().outcome());
        assertTrue(engine.checkStatus(HTTP, T0.plusSeconds(60), k -> null).orElseThrow().inDowntime());
        alerts.addAll(engine.tick(T0.plus(Duration.ofMinutes(5))).alerts());
        assertTrue(sent(Kind.PROBLEM).isEmpty(), "still in the window");
        alerts.addAll(engine.tick(T0.plus(Duration.ofMinutes(10))).alerts());
        assertEquals(1, sent(Kind.PROBLEM).size(), "the held-back problem goes out when the window ends");
    }

    @Test
    void checksBehindADownHostDoNotAlertAndTheHostIsUnreachable() {
        result(ROUTER, Health.CRITICAL, T0);
        assertEquals(1, sent(Kind.PROBLEM).size(), "the router going DOWN alerts");
        result(WEB, Health.CRITICAL, T0.plusSeconds(1));
        assertEquals(HostState.UNREACHABLE, engine.hostStatuses(T0).stream().filter(h -> h.name().equals("web-1"))
                .findFirst().orElseThrow().state());
        assertEquals(1, sent(Kind.PROBLEM).size(), "UNREACHABLE does not alert");
        for (int i = 0; i < 3; i++) {
            result(HTTP, Health.CRITICAL, T0.plusSeconds(2 + i));
        }
        assertEquals(1, sent(Kind.PROBLEM).size(), "checks of an unreachable host do not alert");
        assertEquals(Outcome.SUPPRESSED_UNREACHABLE, alerts.get(alerts.size() - 1).record().outcome());
        assertFalse(engine.checkStatus(HTTP, T0, k -> null).orElseThrow().hostReachable());
    }

    @Test
    void aProblemHeldBackWhileItsHostWasDownIsToldOnceTheHostIsUpAgain() {
        result(ROUTER, Health.CRITICAL, T0);
        result(WEB, Health.CRITICAL, T0);
        for (int i = 0; i < 3; i++) {
            result(HTTP, Health.CRITICAL, T0.plusSeconds(1 + i));
        }
        assertEquals(Outcome.SUPPRESSED_UNREACHABLE, alerts.get(alerts.size() - 1).record().outcome());
        alerts.addAll(engine.tick(T0.plusSeconds(10)).alerts());
        assertTrue(sent(Kind.PROBLEM).stream().noneMatch(a -> a.record().key().equals(HTTP)),
                "still behind a down host");
        result(ROUTER, Health.OK, T0.plusSeconds(20));
        result(WEB, Health.OK, T0.plusSeconds(20));
        alerts.addAll(engine.tick(T0.plusSeconds(21)).alerts());
        assertEquals(1, sent(Kind.PROBLEM).stream().filter(a -> a.record().key().equals(HTTP)).count(),
                "the check is still CRITICAL with its host UP: the held-back problem goes out");
        alerts.addAll(engine.tick(T0.plusSeconds(22)).alerts());
        assertEquals(1, sent(Kind.PROBLEM).stream().filter(a -> a.record().key().equals(HTTP)).count(), "only once");
    }

    @Test
    void unacknowledgedProblemRepeatsAndEscalatesAcknowledgedOneStops() {
        for (int i = 0; i < 3; i++) {
            result(HTTP, Health.CRITICAL, T0.plusSeconds(30L * i));
        }
        Instant hardAt = T0.plusSeconds(60);
        alerts.addAll(engine.tick(hardAt.plus(Duration.ofMinutes(15)).minusSeconds(1)).alerts());
        assertTrue(sent(Kind.ESCALATION).isEmpty(), "not before 15 minutes");
        alerts.addAll(engine.tick(hardAt.plus(Duration.ofMinutes(15))).alerts());
        assertEquals(1, sent(Kind.ESCALATION).size(), "15 minutes after the problem was first notified");
        assertEquals("webhook", sent(Kind.ESCALATION).get(0).record().notifier());
        alerts.addAll(engine.tick(T0.plus(Duration.ofMinutes(20))).alerts());
        assertEquals(1, sent(Kind.ESCALATION).size(), "escalated once");
        alerts.addAll(engine.tick(hardAt.plus(Duration.ofMinutes(30))).alerts());
        assertEquals(1, sent(Kind.REPEAT).size(), "repeated after 30 minutes");
        alerts.addAll(engine.acknowledge(HTTP,
                new Acknowledgement("alice", "looking into it", hardAt.plus(Duration.ofMinutes(31)))).alerts());
        assertEquals(List.of("log", "webhook"),
                sent(Kind.ACKNOWLEDGEMENT).stream().map(a -> a.record().notifier()).sorted().toList(),
                "the acknowledgement is told to who got the problem, and to whom it was escalated");
        alerts.addAll(engine.tick(hardAt.plus(Duration.ofMinutes(120))).alerts());
        assertEquals(1, sent(Kind.REPEAT).size(), "no repeats once acknowledged");
        result(HTTP, Health.OK, hardAt.plus(Duration.ofMinutes(121)));
        assertNull(engine.checkStatus(HTTP, T0, k -> null).orElseThrow().acknowledgement(),
                "the acknowledgement ends with the problem");
        assertEquals(List.of("log", "webhook"),
                sent(Kind.RECOVERY).stream().map(a -> a.record().notifier()).sorted().toList(),
                "the recovery goes to the escalation's notifier as well");
    }

    @Test
    void acknowledgingWithoutAProblemIsRefused() {
        result(HTTP, Health.OK, T0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.acknowledge(HTTP, new Acknowledgement("alice", "x", T0)));
        assertTrue(e.getMessage().contains("no problem"), e.getMessage());
    }

    @Test
    void flappingHoldsNotificationsBack() {
        Health[] pattern = {Health.OK, Health.CRITICAL};
        engine.putCheck(CheckDefinition.of("web-1", "http", "http", Map.of()).withTiming(Duration.ofMinutes(1),
                Duration.ofSeconds(30), 1, Duration.ofSeconds(10)));
        for (int i = 0; i < 21; i++) {
            result(HTTP, pattern[i % 2], T0.plusSeconds(60L * i));
        }
        CheckStatus s = engine.checkStatus(HTTP, T0, k -> null).orElseThrow();
        assertTrue(s.flapping(), "percent state change " + s.percentStateChange());
        long problemsBefore = sent(Kind.PROBLEM).size();
        result(HTTP, Health.CRITICAL, T0.plusSeconds(60L * 22));
        result(HTTP, Health.OK, T0.plusSeconds(60L * 23));
        result(HTTP, Health.CRITICAL, T0.plusSeconds(60L * 24));
        assertEquals(problemsBefore, sent(Kind.PROBLEM).size(), "no problem alerts while flapping");
        assertTrue(alerts.stream().anyMatch(a -> a.record().outcome() == Outcome.SUPPRESSED_FLAPPING));
    }

    @Test
    void savedStateResumesWithoutASecondAlert() {
        for (int i = 0; i < 3; i++) {
            result(HTTP, Health.CRITICAL, T0.plusSeconds(30L * i));
        }
        List<SavedState> saved = new ArrayList<>();
        saved.addAll(result(HTTP, Health.CRITICAL, T0.plusSeconds(120)).states());
        Engine restarted = new Engine();
        HostDefinition web = HostDefinition.of("web-1", "10.0.1.1");
        restarted.load(new ConfigStore.Snapshot(List.of(web),
                List.of(CheckDefinition.of("web-1", "http", "http", Map.of())), List.of(NotificationRule
                        .of("pager", Set.of("CRITICAL", "OK"), "*", "*", "log", Map.of())),
                List.of()), saved);
        CheckStatus s = restarted.checkStatus(HTTP, T0, k -> null).orElseThrow();
        assertEquals(Health.CRITICAL, s.hardState());
        assertEquals(StateType.HARD, s.stateType());
        Effects again = restarted.accept(HTTP, CheckResult.of(Health.CRITICAL, "still"), T0.plusSeconds(180));
        assertTrue(again.alerts().isEmpty(), "no new alert for a problem already notified");
        Effects recovery = restarted.accept(HTTP, CheckResult.of(Health.OK, "fine"), T0.plusSeconds(240));
        assertEquals(Kind.RECOVERY, recovery.alerts().get(0).record().kind(), "the recovery still goes out");
    }
}
