package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.rest.internal.ChecksResource;
import org.opsbench.monitoring.rest.internal.HostsResource;
import org.opsbench.monitoring.rest.internal.MonitoringDtos;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.CheckDto;
import org.opsbench.monitoring.rest.internal.ProblemsResource;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Hosts, checks and problems over the resources on the real monitoring service: a loopback port that accepts and one
 * that refuses, run now through the resource; filters, paging, acknowledgement, refusals.
 */
class MonitoringResourcesTest {

    private static ServerSocket open;
    private static int closed;
    private static final String HOST = "rest-mon-" + Areas.RUN;

    @BeforeAll
    static void hostWithAGoodAndABadCheck() throws Exception {
        Areas.monitoringWithoutSchedule();
        open = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        MonitoringAdmin admin = Areas.service(MonitoringAdmin.class);
        admin.saveHost(Areas.OPS, HostDefinition.of(HOST, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(open.getLocalPort())), Duration.ofHours(1), 1));
        admin.saveCheck(Areas.OPS, tcp("web", open.getLocalPort()));
        admin.saveCheck(Areas.OPS, tcp("db", closed));
        SecurityContext ops = Areas.as(Areas.OPS);
        ChecksResource checks = Areas.service(ChecksResource.class);
        assertEquals("OK", checks.runNow(HOST, "web", ops).state());
        assertEquals("CRITICAL", checks.runNow(HOST, "db", ops).state());
    }

    private static CheckDefinition tcp(String name, int port) {
        return CheckDefinition.of(HOST, name, "tcp", Map.of("port", Integer.toString(port)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() throws Exception {
        open.close();
    }

    @Test
    void hostsAndChecksAreListedWithFiltersAndPaging() throws Exception {
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        HostsResource hosts = Areas.service(HostsResource.class);
        var page = hosts.list(null, HOST, 0, 50, viewer);
        assertEquals(1, page.total());
        assertEquals("127.0.0.1", page.items().get(0).address());
        assertEquals(HOST, hosts.get(HOST, viewer).name());
        assertThrows(NoSuchElementException.class, () -> hosts.get("no-such-" + HOST, viewer));
        Areas.badRequest("state", () -> hosts.list("SIDEWAYS", null, 0, 50, viewer));

        ChecksResource checks = Areas.service(ChecksResource.class);
        var mine = checks.list(HOST, null, null, 0, 50, viewer);
        assertEquals(List.of("db", "web"), mine.items().stream().map(CheckDto::check).sorted().toList());
        assertEquals(List.of("web"), checks.list(HOST, "ok", null, 0, 50, viewer).items().stream()
                .map(CheckDto::check).toList());
        var first = checks.list(HOST, null, null, 0, 1, viewer);
        var second = checks.list(HOST, null, null, 1, 1, viewer);
        assertEquals(2, first.total());
        assertEquals(1, first.items().size());
        assertTrue(!first.items().get(0).check().equals(second.items().get(0).check()), "pages do not overlap");
        assertEquals("tcp", checks.get(HOST, "web", viewer).type());
        Areas.badRequest("offset", () -> checks.list(HOST, null, null, -1, 10, viewer));
    }

    @Test
    void problemsAreTheNonOkChecksFilteredByHostSeverityAndStateAndCanBeAcknowledged() throws Exception {
        ProblemsResource problems = Areas.service(ProblemsResource.class);
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        var list = problems.list(HOST, null, null, false, 0, 50, viewer);
        assertEquals(List.of("db"), list.items().stream().map(CheckDto::check).toList());
        CheckDto db = list.items().get(0);
        assertEquals("CRITICAL", db.state());
        assertEquals("HARD", db.stateType());
        assertEquals(1, problems.list(HOST, "critical", "HARD", false, 0, 50, viewer).total());
        assertEquals(0, problems.list(HOST, "WARNING", null, false, 0, 50, viewer).total());
        assertEquals(0, problems.list(HOST, null, "SOFT", false, 0, 50, viewer).total());
        Areas.badRequest("severity", () -> problems.list(HOST, "BAD", null, false, 0, 50, viewer));

        Areas.forbidden(() -> problems.acknowledge(HOST, "db", new MonitoringDtos.AckBody("mine"), viewer));
        SecurityContext operator = Areas.as(Areas.user("operator"));
        problems.acknowledge(HOST, "db", new MonitoringDtos.AckBody("looking at it"), operator);
        CheckDto acked = problems.list(HOST, null, null, false, 0, 50, viewer).items().get(0);
        assertNotNull(acked.acknowledgement());
        assertEquals("looking at it", acked.acknowledgement().comment());
        assertEquals(0, problems.list(HOST, null, null, true, 0, 50, viewer).total(), "acknowledged: handled");
        // an OK check has no problem to acknowledge: 409
        assertThrows(IllegalStateException.class,
                () -> problems.acknowledge(HOST, "web", new MonitoringDtos.AckBody("x"), operator));
        problems.unacknowledge(HOST, "db", operator);
        assertEquals(1, problems.list(HOST, null, null, true, 0, 50, viewer).total());
    }

    @Test
    void aCallerWithoutPermissionIsRefusedByTheService() throws Exception {
        SecurityContext nobody = Areas.as(Areas.NOBODY);
        Areas.forbidden(() -> Areas.service(HostsResource.class).list(null, null, 0, 50, nobody));
        Areas.forbidden(() -> Areas.service(ProblemsResource.class).list(null, null, null, false, 0, 50, nobody));
        Areas.forbidden(() -> Areas.service(ChecksResource.class).runNow(HOST, "web", Areas.as(Areas.user("viewer"))));
    }
}
