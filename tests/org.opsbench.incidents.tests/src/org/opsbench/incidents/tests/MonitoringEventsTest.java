package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketState;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Monitoring state changes (posted on the topic as the monitoring area posts them, without the monitoring bundle): one
 * incident per source, later alerts in its worklog, recovery resolves it per policy.
 */
class MonitoringEventsTest {

    private static void send(String host, String check, String state, String severity, boolean alert)
            throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.CI_ID, "ci-" + host);
        p.put(EventProperties.CI_TYPE, "host");
        p.put(EventProperties.CI_NAME, host);
        p.put(EventProperties.SOURCE, "monitoring:" + host + "/" + check);
        p.put(EventProperties.OLD_STATE, "OK");
        p.put(EventProperties.NEW_STATE, state);
        p.put(EventProperties.SEVERITY, severity);
        p.put(EventProperties.SUMMARY, "HTTP " + state + " - " + check);
        p.put(EventProperties.TIMESTAMP, System.currentTimeMillis());
        p.put("alert", alert);
        Desk.service(EventAdmin.class).sendEvent(new Event(Topics.MONITORING_STATE_CHANGED, p));
    }

    private static List<Ticket> ticketsOf(String host) throws Exception {
        return Desk.incidents().queue(Desk.OPS, new QueueQuery(QueueQuery.Scope.ALL, Set.of(), Set.of(), host,
                QueueQuery.Sort.REFERENCE, true, 0, 100));
    }

    @Test
    void oneIncidentPerSourceAndLaterAlertsGoToItsWorklog() throws Exception {
        String host = "web-" + Desk.RUN;
        send(host, "http", "CRITICAL", "CRITICAL", true);
        send(host, "http", "CRITICAL", "CRITICAL", true);
        send(host, "http", "WARNING", "WARNING", true);
        List<Ticket> tickets = ticketsOf(host);
        assertEquals(1, tickets.size(), tickets.toString());
        Ticket t = tickets.get(0);
        assertEquals("monitoring:" + host + "/http", t.source());
        assertEquals("ci-" + host, t.cis().get(0).id());
        assertEquals(org.opsbench.core.Priority.P1, t.priority());
        long again = Desk.incidents().worklog(Desk.OPS, t.reference()).stream()
                .filter(w -> w.text().startsWith("alert again")).count();
        assertEquals(2, again);

        send(host, "disk", "CRITICAL", "CRITICAL", true);
        assertEquals(2, ticketsOf(host).size(), "another check of the host is another source");
    }

    @Test
    void recoveryResolvesTheIncidentAndTheNextProblemOpensANewOne() throws Exception {
        String host = "db-" + Desk.RUN;
        send(host, "pg", "CRITICAL", "CRITICAL", true);
        send(host, "pg", "OK", "INFO", true);
        Ticket resolved = ticketsOf(host).get(0);
        assertEquals(TicketState.RESOLVED, resolved.state());
        assertEquals("auto-recovered", resolved.resolutionCode());
        send(host, "pg", "CRITICAL", "CRITICAL", true);
        List<Ticket> all = ticketsOf(host);
        assertEquals(2, all.size());
        assertEquals(TicketState.NEW, all.get(1).state());
    }

    @Test
    void withoutAutoResolveTheRecoveryIsOnlyNoted() throws Exception {
        IncidentsAdmin admin = Desk.admin();
        IncidentsAdmin.Settings before = admin.settings(Desk.OPS);
        String host = "app-" + Desk.RUN;
        try {
            admin.saveSettings(Desk.OPS, new IncidentsAdmin.Settings(before.reopenWindow(), before.attachmentLimit(),
                    false, null));
            send(host, "jvm", "CRITICAL", "CRITICAL", true);
            send(host, "jvm", "OK", "INFO", true);
        } finally {
            admin.saveSettings(Desk.OPS, before);
        }
        Ticket t = ticketsOf(host).get(0);
        assertEquals(TicketState.NEW, t.state());
        assertTrue(Desk.incidents().worklog(Desk.OPS, t.reference()).stream()
                .anyMatch(w -> w.text().startsWith("recovered")));
    }

    @Test
    void suppressedProblemsOpenNothing() throws Exception {
        String host = "quiet-" + Desk.RUN;
        send(host, "http", "CRITICAL", "CRITICAL", false);
        assertEquals(List.of(), ticketsOf(host));
    }
}
