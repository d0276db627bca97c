package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The monitoring services in the running framework, on real Derby with the real security core: TCP checks against
 * loopback sockets, state history, events, notifications through a notifier service, downtimes, permissions, audit.
 */
class MonitoringServiceTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final Duration WAIT = Duration.ofSeconds(20);
    // a workspace database outlives a build without 'clean': names of this run are its own
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private static ServerSocket open;
    private static int closedPort;
    private static RecordingNotifier notifier;
    private static ServiceRegistration<?> notifierRegistration;
    private static MonitoringAdmin admin;
    private static Monitoring monitoring;

    @BeforeAll
    static void start() throws Exception {
        open = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        notifier = new RecordingNotifier();
        notifierRegistration = Osgi.context().registerService(org.opsbench.core.spi.Notifier.class, notifier,
                new Hashtable<>(Map.of("notifier", "recording")));
        admin = Osgi.service(MonitoringAdmin.class, null);
        monitoring = Osgi.service(Monitoring.class, null);
    }

    @AfterAll
    static void stop() throws Exception {
        notifierRegistration.unregister();
        open.close();
    }

    private static HostDefinition host(String name) {
        // a long interval: the tests run checks with runNow
        return HostDefinition.of(name, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(open.getLocalPort())), Duration.ofHours(1), 1);
    }

    private static CheckDefinition tcp(String host, String name, int port, int attempts) {
        return CheckDefinition.of(host, name, "tcp", Map.of("port", Integer.toString(port)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), attempts, Duration.ofSeconds(5));
    }

    @Test
    void checksRunAndTheirStatesHistoryAndMetricsAreKept() throws Exception {
        admin.saveHost(OPS, host("svc-a-" + RUN));
        admin.saveCheck(OPS, tcp("svc-a-" + RUN, "open", open.getLocalPort(), 3));
        admin.saveCheck(OPS, tcp("svc-a-" + RUN, "closed", closedPort, 2));
        CheckStatus ok = monitoring.runNow(OPS, new CheckKey("svc-a-" + RUN, "open"), WAIT);
        assertEquals(Health.OK, ok.state());
        assertTrue(ok.output().startsWith("TCP OK"), ok.output());
        CheckStatus first = monitoring.runNow(OPS, new CheckKey("svc-a-" + RUN, "closed"), WAIT);
        assertEquals(Health.CRITICAL, first.state());
        assertEquals(StateType.SOFT, first.stateType());
        CheckStatus second = monitoring.runNow(OPS, new CheckKey("svc-a-" + RUN, "closed"), WAIT);
        assertEquals(StateType.HARD, second.stateType());
        assertEquals(Health.CRITICAL, second.hardState());

        List<StateHistoryEntry> history = monitoring.history(OPS, new CheckKey("svc-a-" + RUN, "closed"),
                Instant.EPOCH, Instant.now().plusSeconds(1), 10);
        assertEquals(List.of("CRITICAL/HARD", "CRITICAL/SOFT"),
                history.stream().map(h -> h.newState() + "/" + h.stateType()).toList());
        assertTrue(monitoring.problems(OPS).stream()
                .anyMatch(p -> p.key().equals(new CheckKey("svc-a-" + RUN, "closed"))));
        MetricStore metrics = Osgi.service(MetricStore.class, null);
        metrics.flush();
        assertTrue(metrics.findSeries(new CheckKey("svc-a-" + RUN, "open").seriesName("time")).isPresent(),
                "the connect time is a metric series");
    }

    @Test
    void hardChangeIsPostedAndNotifiedByRuleAndRecoveryFollows() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC,
                Topics.MONITORING_STATE_CHANGED));
        ServiceRegistration<EventHandler> handler = Osgi.context().registerService(EventHandler.class, events::add,
                topic);
        ServerSocket flaky = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        int port = flaky.getLocalPort();
        try {
            admin.saveHost(OPS, host("svc-b-" + RUN));
            admin.saveRule(OPS, NotificationRule.of("svc-b-page", Set.of("CRITICAL", "OK"), "svc-b-" + RUN, "*",
                    "recording", Map.of("channel", "ops")));
            admin.saveCheck(OPS, tcp("svc-b-" + RUN, "api", port, 1));
            assertEquals(Health.OK, monitoring.runNow(OPS, new CheckKey("svc-b-" + RUN, "api"), WAIT).state());
            flaky.close();
            assertEquals(Health.CRITICAL,
                    monitoring.runNow(OPS, new CheckKey("svc-b-" + RUN, "api"), WAIT).hardState());
            Event event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(event, "hard change posted");
            assertEquals("svc-b-" + RUN + "/api", event.getProperty(EventProperties.CI_NAME));
            assertEquals("CRITICAL", event.getProperty(EventProperties.NEW_STATE));
            RecordingNotifier.Sent problem = notifier.next(WAIT);
            assertEquals("[PROBLEM] svc-b-" + RUN + "/api is CRITICAL", problem.notification().subject());
            assertEquals("ops", problem.settings().get("channel"));

            flaky = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
            assertEquals(Health.OK, monitoring.runNow(OPS, new CheckKey("svc-b-" + RUN, "api"), WAIT).state());
            assertEquals("[RECOVERY] svc-b-" + RUN + "/api is OK", notifier.next(WAIT).notification().subject());
            List<AlertRecord> log = monitoring.alerts(OPS, Instant.EPOCH, Instant.now().plusSeconds(1), 50).stream()
                    .filter(a -> a.key().host().equals("svc-b-" + RUN)).toList();
            waitFor(() -> monitoring.alerts(OPS, Instant.EPOCH, Instant.now().plusSeconds(1), 50).stream()
                    .filter(a -> a.key().host().equals("svc-b-" + RUN) && a.outcome() == AlertRecord.Outcome.SENT)
                    .count() == 2);
            assertNotNull(log);
        } finally {
            handler.unregister();
            flaky.close();
        }
    }

    @Test
    void downtimeSuppressesTheNotificationAndIsShown() throws Exception {
        admin.saveHost(OPS, host("svc-c-" + RUN));
        admin.saveRule(OPS, NotificationRule.of("svc-c-page", Set.of("CRITICAL"), "svc-c-" + RUN, "*", "recording",
                Map.of()));
        admin.saveCheck(OPS, tcp("svc-c-" + RUN, "db", closedPort, 1));
        Downtime d = monitoring.scheduleDowntime(OPS, CheckKey.host("svc-c-" + RUN), Instant.now().minusSeconds(5),
                Instant.now().plus(Duration.ofHours(1)), "kernel update");
        assertTrue(d.id() > 0);
        CheckStatus s = monitoring.runNow(OPS, new CheckKey("svc-c-" + RUN, "db"), WAIT);
        assertEquals(Health.CRITICAL, s.hardState());
        assertTrue(s.inDowntime());
        waitFor(() -> monitoring.alerts(OPS, Instant.EPOCH, Instant.now().plusSeconds(1), 50).stream()
                .anyMatch(a -> a.key().host().equals("svc-c-" + RUN)
                        && a.outcome() == AlertRecord.Outcome.SUPPRESSED_DOWNTIME));
        assertTrue(notifier.sentFor("svc-c-" + RUN).isEmpty(), "nothing delivered during the window");
        assertEquals(1, monitoring.downtimes(OPS, Instant.now(), Instant.now().plusSeconds(60)).stream()
                .filter(x -> x.id() == d.id()).count());
        assertTrue(monitoring.cancelDowntime(OPS, d.id()));
        // the window is gone with the problem still there: the next tick sends what was held back
        RecordingNotifier.Sent late = notifier.next(WAIT);
        assertEquals("[PROBLEM] svc-c-" + RUN + "/db is CRITICAL", late.notification().subject());
    }

    @Test
    void acknowledgementIsKeptAndAudited() throws Exception {
        admin.saveHost(OPS, host("svc-d-" + RUN));
        admin.saveCheck(OPS, tcp("svc-d-" + RUN, "smtp", closedPort, 1));
        monitoring.runNow(OPS, new CheckKey("svc-d-" + RUN, "smtp"), WAIT);
        org.opsbench.core.spi.DashboardTile tile = Osgi.service(org.opsbench.core.spi.DashboardTile.class,
                "(component.name=org.opsbench.monitoring.internal.tiles.ProblemsTile)");
        org.opsbench.core.spi.DashboardTile.Value unhandled = tile.current();
        assertEquals(Health.CRITICAL, unhandled.health(), "an unhandled CRITICAL problem makes the tile red");
        monitoring.acknowledge(OPS, new CheckKey("svc-d-" + RUN, "smtp"), "relay replaced tonight");
        CheckStatus s = monitoring.checks(OPS, "svc-d-" + RUN).get(0);
        assertEquals("relay replaced tonight", s.acknowledgement().comment());
        assertFalse(s.unhandledProblem());
        assertEquals(Integer.parseInt(unhandled.value()) - 1, Integer.parseInt(tile.current().value()),
                "an acknowledged problem is handled");
        InvalidDefinitionException noComment = assertThrows(InvalidDefinitionException.class,
                () -> monitoring.acknowledge(OPS, new CheckKey("svc-d-" + RUN, "smtp"), " "));
        assertEquals("comment", noComment.field());
        List<AuditRecord> audit = Osgi.service(AuditTrail.class, null).search(OPS,
                new AuditQuery(null, null, null, "monitoring-check", "svc-d-" + RUN + "/smtp", 0));
        List<String> actions = audit.stream().map(r -> r.entry().action()).toList();
        assertTrue(actions.contains("monitoring.check.create"), actions.toString());
        assertTrue(actions.contains("monitoring.acknowledge"), actions.toString());
    }

    @Test
    void invalidDefinitionsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        int before = admin.hosts(OPS).size();
        InvalidDefinitionException address = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveHost(OPS, HostDefinition.of("bad host", "127.0.0.1")));
        assertEquals("name", address.field());
        admin.saveHost(OPS, host("svc-e-" + RUN));
        InvalidDefinitionException interval = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveCheck(OPS, tcp("svc-e-" + RUN, "x", 80, 3).withTiming(Duration.ZERO, null, 3, null)));
        assertEquals("interval", interval.field());
        InvalidDefinitionException port = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveCheck(OPS, CheckDefinition.of("svc-e-" + RUN, "y", "tcp", Map.of())));
        assertEquals("parameters.port", port.field());
        InvalidDefinitionException type = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveCheck(OPS, CheckDefinition.of("svc-e-" + RUN, "z", "no-such-type", Map.of())));
        assertEquals("type", type.field());
        InvalidDefinitionException reserved = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveCheck(OPS, CheckDefinition.of("svc-e-" + RUN, "w", "tcp", Map.of("port", "1",
                        "ssh.user", "root"))));
        assertEquals("parameters.ssh.user", reserved.field());
        InvalidDefinitionException cycle = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveHost(OPS, host("svc-e-" + RUN).withParents(List.of("svc-e-" + RUN))));
        assertEquals("parents", cycle.field());
        assertEquals(before + 1, admin.hosts(OPS).size());
        assertTrue(admin.checks(OPS, "svc-e-" + RUN).isEmpty(), "no refused check was written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            smtp    | host=smtp.example.org,to=ops@example.org                       | settings.from   | is required
            smtp    | host=smtp.example.org,from=a@b,to=not-an-address              | settings.to     | has an invalid e-mail address 'not-an-address'
            smtp    | host=smtp.example.org,from=a@b,to=c@d,tls=none,user=u,passwordAlias=p | settings.tls | is none: refusing AUTH
            webhook | url=ftp://example.org/hook                                     | settings.url    | must be an http or https URL
            webhook | url=https://user:secret@example.org/hook                       | settings.url    | must not carry credentials
            webhook | url=https://example.org/hook,retries=many                       | settings.retries | must be a whole number, was 'many'
            log     | logger=has space                                               | settings.logger | must be a logger name
            """)
    void ruleWithBadNotifierSettingsIsRefusedNamingTheSetting(String notifier, String settings, String field,
            String problem) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : settings.split(",")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String name = "svc-bad-" + notifier + "-" + RUN;
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> admin.saveRule(OPS,
                NotificationRule.of(name, Set.of("CRITICAL"), "*", "*", notifier, values)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": " + problem), e.getMessage());
        assertTrue(admin.rules(OPS).stream().noneMatch(r -> r.name().equals(name)), "the refused rule was not saved");
    }

    @Test
    void escalationSettingsAreCheckedWithTheEscalationNotifier() {
        NotificationRule rule = NotificationRule.of("svc-esc-" + RUN, Set.of("CRITICAL"), "*", "*", "log", Map.of())
                .withRepeat(Duration.ZERO, Duration.ofMinutes(30), "webhook", Map.of("url", "mailto:ops@example.org"));
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> admin.saveRule(OPS, rule));
        assertEquals("escalationSettings.url", e.field());
    }

    @Test
    void viewerReadsButCannotChangeOrAcknowledge() throws Exception {
        IdentityAdmin identities = Osgi.service(IdentityAdmin.class, null);
        identities.createUser(OPS, "mon-viewer-" + RUN, "Viewer", "viewer@example.org", "correct horse 1".toCharArray(),
                Set.of("viewer"));
        Principal viewer = Principal.user("mon-viewer-" + RUN, "Viewer");
        admin.saveHost(OPS, host("svc-f-" + RUN));
        assertTrue(monitoring.hosts(viewer).stream().anyMatch(h -> h.name().equals("svc-f-" + RUN)));
        assertThrows(NotAllowedException.class, () -> admin.saveHost(viewer, host("svc-g-" + RUN)));
        assertThrows(NotAllowedException.class, () -> admin.deleteHost(viewer, "svc-f-" + RUN));
        assertThrows(NotAllowedException.class, () -> monitoring.scheduleDowntime(viewer, CheckKey.host("svc-f-" + RUN),
                Instant.now(), Instant.now().plusSeconds(60), "x"));
        assertTrue(admin.host(OPS, "svc-f-" + RUN).isPresent());
    }

    @Test
    void deletingAHostRemovesItsChecksAndHistory() throws Exception {
        admin.saveHost(OPS, host("svc-h-" + RUN));
        admin.saveCheck(OPS, tcp("svc-h-" + RUN, "c", closedPort, 1));
        monitoring.runNow(OPS, new CheckKey("svc-h-" + RUN, "c"), WAIT);
        assertTrue(admin.deleteHost(OPS, "svc-h-" + RUN));
        assertTrue(admin.checks(OPS, "svc-h-" + RUN).isEmpty());
        assertTrue(monitoring.checks(OPS, "svc-h-" + RUN).isEmpty());
        assertTrue(
                monitoring.history(OPS, new CheckKey("svc-h-" + RUN, "c"), Instant.EPOCH, Instant.now(), 0).isEmpty());
        assertFalse(admin.deleteHost(OPS, "svc-h-" + RUN));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
