package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A change's start and end, as the changes area posts them on EventAdmin, put the hosts of its configuration items into
 * maintenance and take them out again; monitoring knows nothing of the changes bundle.
 */
class ChangeWindowsTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");

    private static MonitoringAdmin admin;
    private static Monitoring monitoring;
    private static EventAdmin events;

    @BeforeAll
    static void hosts() throws Exception {
        admin = Osgi.service(MonitoringAdmin.class, null);
        monitoring = Osgi.service(Monitoring.class, null);
        events = Osgi.service(EventAdmin.class, null);
        // by CMDB item; by name (no CMDB item); a CMDB item's host is not matched by its name; not in the change
        admin.saveHost(OPS, host("cw-a-" + RUN).withCi("ci-a-" + RUN));
        admin.saveHost(OPS, host("cw-b-" + RUN));
        admin.saveHost(OPS, host("cw-c-" + RUN).withCi("ci-other-" + RUN));
        admin.saveHost(OPS, host("cw-d-" + RUN));
    }

    private static HostDefinition host(String name) {
        return HostDefinition.of(name, "127.0.0.1").withHostCheck("tcp", Map.of("port", "1"), Duration.ofHours(1), 1);
    }

    private static Event change(String topic, String reference, Instant windowEnd) {
        return new Event(topic, Map.of(EventProperties.REFERENCE, reference, EventProperties.CI_IDS,
                new String[]{"ci-a-" + RUN, "ci-nowhere"}, EventProperties.CI_NAMES,
                new String[]{"cw-a-" + RUN, "cw-b-" + RUN, "cw-c-" + RUN}, EventProperties.WINDOW_END,
                windowEnd.toEpochMilli(), EventProperties.SUMMARY, reference + " replace the RAID controller",
                EventProperties.PRINCIPAL, "alice"));
    }

    private static List<Downtime> ofChange(String reference) {
        return monitoring.downtimes(OPS, Instant.now(), FAR).stream()
                .filter(d -> d.comment().startsWith("change " + reference + ": ")).toList();
    }

    @Test
    void changeStartPutsItsHostsIntoMaintenanceUntilItsEnd() throws Exception {
        String reference = "CHG-" + RUN;
        Instant planned = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        events.postEvent(change(Topics.CHANGES_STARTED, reference, planned));
        waitFor(() -> ofChange(reference).size() == 2);

        List<Downtime> windows = ofChange(reference);
        assertEquals(List.of("cw-a-" + RUN, "cw-b-" + RUN),
                windows.stream().map(d -> d.target().host()).sorted().toList());
        for (Downtime d : windows) {
            assertTrue(d.target().isHost(), "the whole host, with its checks: " + d);
            assertEquals("system:changes", d.author());
            assertEquals("change " + reference + ": replace the RAID controller", d.comment());
            assertEquals(planned, d.end());
            assertTrue(d.covers(Instant.now()), "active now: " + d);
        }

        // a repeated start (a retried event) adds nothing
        events.sendEvent(change(Topics.CHANGES_STARTED, reference, planned));
        assertEquals(2, ofChange(reference).size());

        events.sendEvent(change(Topics.CHANGES_ENDED, reference, planned));
        assertEquals(List.of(), ofChange(reference), "the change's maintenance ended with it");
        assertTrue(monitoring.downtimes(OPS, Instant.EPOCH, FAR).stream()
                .filter(d -> d.comment().startsWith("change " + reference + ": ")).count() == 2,
                "the ended windows stay on record");
    }

    @Test
    void aStartWithoutAPlannedEndGetsTheDefaultWindowAndAnEndOfAnotherChangeLeavesItAlone() throws Exception {
        String reference = "CHG-" + RUN + "-late";
        // a planned end already past (the change overran before it was started): the default window applies
        events.sendEvent(change(Topics.CHANGES_STARTED, reference, Instant.now().minusSeconds(60)));
        List<Downtime> windows = ofChange(reference);
        assertEquals(2, windows.size(), windows.toString());
        Duration length = Duration.between(windows.get(0).start(), windows.get(0).end());
        assertEquals(Duration.ofHours(4), length);

        events.sendEvent(change(Topics.CHANGES_ENDED, "CHG-" + RUN + "-other", Instant.now()));
        assertEquals(2, ofChange(reference).size());
        events.sendEvent(change(Topics.CHANGES_ENDED, reference, Instant.now()));
        assertEquals(0, ofChange(reference).size());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Osgi.TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + Osgi.TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
