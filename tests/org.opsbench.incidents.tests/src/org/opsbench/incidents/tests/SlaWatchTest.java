package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Priority;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.internal.sla.SlaWatch;
import org.osgi.service.event.Event;

/** The periodic SLA checker on the real store: near-breach and breach events once each, pauses, escalation. */
class SlaWatchTest {

    private static List<String> findings(List<SlaWatch.Finding> all, String reference) {
        List<String> out = new ArrayList<>();
        for (SlaWatch.Finding f : all) {
            if (f.reference().equals(reference)) {
                out.add(f.topic().substring(f.topic().lastIndexOf('/') + 1) + " " + f.target());
            }
        }
        return out;
    }

    @Test
    void missedTargetsRaiseWarningAndBreachOnce() throws Exception {
        SlaWatch watch = Desk.service(SlaWatch.class);
        Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("sla breach " + Desk.RUN, 2, 2));
        assertEquals("P3", t.sla().policy());
        try (Desk.Recorder events = new Desk.Recorder(Topics.INCIDENTS_SLA_WARNING, Topics.INCIDENTS_SLA_BREACHED)) {
            assertEquals(List.of(), findings(watch.check(Instant.now()), t.reference()), "nothing due yet");
            Instant later = Instant.now().plus(Duration.ofDays(60));
            assertEquals(List.of("SLA_WARNING resolution", "SLA_BREACHED response", "SLA_BREACHED resolution"),
                    findings(watch.check(later), t.reference()));
            Event breach = events.await(Topics.INCIDENTS_SLA_BREACHED, t.reference());
            assertEquals("MAJOR", breach.getProperty(EventProperties.SEVERITY));
            events.await(Topics.INCIDENTS_SLA_WARNING, t.reference());
            assertEquals(List.of(), findings(watch.check(later.plusSeconds(60)), t.reference()), "only once");
        }
        Ticket after = Desk.incidents().ticket(Desk.OPS, t.reference()).orElseThrow();
        assertTrue(after.sla().breached());
        assertTrue(after.sla().warned());
        assertTrue(Desk.incidents().worklog(Desk.OPS, t.reference()).stream()
                .anyMatch(w -> w.text().startsWith("SLA breached: resolution")));
    }

    @Test
    void aPendingTicketDoesNotBreach() throws Exception {
        SlaWatch watch = Desk.service(SlaWatch.class);
        Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("sla pending " + Desk.RUN, 2, 2));
        Desk.incidents().transition(Desk.OPS, t.reference(), TransitionRequest.to(TicketState.IN_PROGRESS));
        Ticket pending = Desk.incidents().transition(Desk.OPS, t.reference(),
                TransitionRequest.pending("waiting for the vendor"));
        assertTrue(pending.sla().paused());
        assertEquals(null, pending.sla().resolutionDue());
        assertEquals(List.of(), findings(watch.check(Instant.now().plus(Duration.ofDays(60))), t.reference()));
        Ticket resumed = Desk.incidents().transition(Desk.OPS, t.reference(),
                TransitionRequest.to(TicketState.IN_PROGRESS));
        assertTrue(resumed.sla().resolutionDue().isAfter(t.sla().resolutionDue().minusSeconds(1)),
                "the deadline does not move earlier");
    }

    @Test
    void aBreachEscalatesAsThePolicySays() throws Exception {
        IncidentsAdmin admin = Desk.admin();
        String group = "escalation-" + Desk.RUN;
        admin.saveGroup(Desk.OPS, new AssignmentGroup(group, "second line", Set.of()));
        List<SlaPolicy> before = admin.policies(Desk.OPS);
        List<SlaPolicy> changed = new ArrayList<>();
        for (SlaPolicy p : before) {
            changed.add(p.priority() != Priority.P4
                    ? p
                    : new SlaPolicy(p.name(), p.priority(), p.category(), p.response(), p.resolution(), 80,
                            new SlaPolicy.Escalation(true, group, true)));
        }
        try {
            admin.savePolicies(Desk.OPS, changed);
            Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("sla escalate " + Desk.RUN, 3, 2));
            assertEquals(Priority.P4, t.priority());
            try (Desk.Recorder events = new Desk.Recorder(Topics.INCIDENTS_SLA_BREACHED)) {
                Desk.service(SlaWatch.class).check(Instant.now().plus(Duration.ofDays(90)));
                Event e = events.await(Topics.INCIDENTS_SLA_BREACHED, t.reference());
                assertEquals("CRITICAL", e.getProperty(EventProperties.SEVERITY), "notify: critical");
            }
            Ticket escalated = Desk.incidents().ticket(Desk.OPS, t.reference()).orElseThrow();
            assertEquals(Priority.P3, escalated.priority());
            assertEquals(group, escalated.group());
        } finally {
            admin.savePolicies(Desk.OPS, before);
        }
    }
}
