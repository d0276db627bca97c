package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbench.core.Priority;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.IllegalTransitionException;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.WorklogEntry;
import org.osgi.service.event.Event;

/** Every legal and illegal transition of the lifecycle, against the real service on Derby. */
class LifecycleTest {

    static final String GROUP = "desk-" + Desk.RUN;

    @BeforeAll
    static void group() throws Exception {
        Desk.admin().saveGroup(Desk.OPS, new AssignmentGroup(GROUP, "first line", java.util.Set.of("alice")));
    }

    /** A fresh ticket brought into {@code state} through legal transitions. */
    static Ticket ticketIn(TicketState state) throws Exception {
        Incidents inc = Desk.incidents();
        Ticket t = inc.create(Desk.OPS, TicketDraft.incident("lifecycle " + state + " " + Desk.RUN, 2, 2));
        String ref = t.reference();
        return switch (state) {
            case NEW -> t;
            case ASSIGNED -> inc.assign(Desk.OPS, ref, GROUP, "alice");
            case IN_PROGRESS -> inc.transition(Desk.OPS, ref, TransitionRequest.to(TicketState.IN_PROGRESS));
            case PENDING -> {
                inc.transition(Desk.OPS, ref, TransitionRequest.to(TicketState.IN_PROGRESS));
                yield inc.transition(Desk.OPS, ref, TransitionRequest.pending("waiting for the caller"));
            }
            case RESOLVED -> inc.transition(Desk.OPS, ref, TransitionRequest.resolved("fixed", "restarted"));
            case CLOSED -> {
                inc.transition(Desk.OPS, ref, TransitionRequest.resolved("fixed", "restarted"));
                yield inc.transition(Desk.OPS, ref, TransitionRequest.to(TicketState.CLOSED));
            }
            case CANCELLED -> inc.transition(Desk.OPS, ref, TransitionRequest.to(TicketState.CANCELLED));
        };
    }

    static TransitionRequest request(TicketState to) {
        return switch (to) {
            case PENDING -> TransitionRequest.pending("waiting for a part");
            case RESOLVED -> TransitionRequest.resolved("workaround", "cleared the queue");
            default -> TransitionRequest.to(to);
        };
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (TicketState from : TicketState.values()) {
            for (TicketState to : TicketState.values()) {
                out.add(Arguments.of(from, to));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyLegalTransitionsAreAccepted(TicketState from, TicketState to) throws Exception {
        Ticket t = ticketIn(from);
        assertEquals(from, t.state());
        if (from == TicketState.NEW && to == TicketState.ASSIGNED) {
            // legal, and done by assigning: assign() moves a New ticket to Assigned
            assertEquals(to, Desk.incidents().assign(Desk.OPS, t.reference(), GROUP, null).state());
            List<WorklogEntry> log = Desk.incidents().worklog(Desk.OPS, t.reference());
            assertTrue(log.get(log.size() - 1).text().startsWith("assigned to " + GROUP), log.toString());
        } else if (from.canMoveTo(to)) {
            Ticket moved = Desk.incidents().transition(Desk.OPS, t.reference(), request(to));
            assertEquals(to, moved.state());
            List<WorklogEntry> log = Desk.incidents().worklog(Desk.OPS, t.reference());
            assertTrue(log.get(log.size() - 1).text().startsWith(from + " -> " + to), log.toString());
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> Desk.incidents().transition(Desk.OPS, t.reference(), request(to)));
            assertEquals("state", e.field());
            String allowed = from.next().isEmpty()
                    ? "none, " + from + " is final"
                    : from.next().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            assertTrue(e.getMessage().endsWith("allowed: " + allowed), e.getMessage());
            assertEquals(from, Desk.incidents().ticket(Desk.OPS, t.reference()).orElseThrow().state(),
                    "nothing changed");
        }
    }

    @Test
    void pendingNeedsAReasonAndResolvedACodeAndNotes() throws Exception {
        Ticket t = ticketIn(TicketState.IN_PROGRESS);
        assertEquals("reason", assertThrows(InvalidTicketException.class, () -> Desk.incidents()
                .transition(Desk.OPS, t.reference(), TransitionRequest.pending(" "))).field());
        assertEquals("resolutionCode", assertThrows(InvalidTicketException.class, () -> Desk.incidents()
                .transition(Desk.OPS, t.reference(), TransitionRequest.resolved("", "notes"))).field());
        assertEquals("notes", assertThrows(InvalidTicketException.class, () -> Desk.incidents()
                .transition(Desk.OPS, t.reference(), TransitionRequest.resolved("fixed", ""))).field());
        assertEquals(TicketState.IN_PROGRESS, Desk.incidents().ticket(Desk.OPS, t.reference()).orElseThrow()
                .state());
    }

    @Test
    void assignedNeedsSomeoneToAssignTo() throws Exception {
        Ticket t = ticketIn(TicketState.NEW);
        assertEquals("assignee", assertThrows(InvalidTicketException.class, () -> Desk.incidents()
                .transition(Desk.OPS, t.reference(), TransitionRequest.to(TicketState.ASSIGNED))).field());
    }

    @Test
    void reopeningAfterTheWindowIsRefused() throws Exception {
        IncidentsAdmin admin = Desk.admin();
        IncidentsAdmin.Settings before = admin.settings(Desk.OPS);
        Ticket t = ticketIn(TicketState.RESOLVED);
        try {
            admin.saveSettings(Desk.OPS, new IncidentsAdmin.Settings(Duration.ZERO, before.attachmentLimit(),
                    before.autoResolve(), before.monitoringGroup()));
            Thread.sleep(5);
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> Desk.incidents()
                    .transition(Desk.OPS, t.reference(), TransitionRequest.to(TicketState.IN_PROGRESS)));
            assertTrue(e.getMessage().contains("reopen window"), e.getMessage());
            assertTrue(e.getMessage().endsWith("allowed: CLOSED"), e.getMessage());
        } finally {
            admin.saveSettings(Desk.OPS, before);
        }
        Ticket reopened = Desk.incidents().transition(Desk.OPS, t.reference(),
                TransitionRequest.to(TicketState.IN_PROGRESS));
        assertEquals(TicketState.IN_PROGRESS, reopened.state());
        assertEquals(null, reopened.resolutionCode());
    }

    @Test
    void referencesArePerKindAndPriorityComesFromTheMatrix() throws Exception {
        Incidents inc = Desk.incidents();
        Ticket a = inc.create(Desk.OPS, TicketDraft.incident("numbering a " + Desk.RUN, 1, 1));
        Ticket b = inc.create(Desk.OPS, TicketDraft.incident("numbering b " + Desk.RUN, 3, 2));
        Ticket r = inc.create(Desk.OPS, new TicketDraft(TicketKind.REQUEST, "new laptop " + Desk.RUN, "", "", "",
                List.of(), 3, 3, null, null));
        assertTrue(a.reference().matches("INC-\\d{6}"), a.reference());
        assertEquals(Integer.parseInt(a.reference().substring(4)) + 1, Integer.parseInt(b.reference().substring(4)));
        assertTrue(r.reference().matches("REQ-\\d{6}"), r.reference());
        assertEquals(Priority.P1, a.priority());
        assertEquals(Priority.P4, b.priority());
        assertEquals(Priority.P5, r.priority());
        assertEquals("P1", a.sla().policy());
        assertNotNull(a.sla().resolutionDue());
    }

    @Test
    void changesPostEventsWithTheReference() throws Exception {
        try (Desk.Recorder events = new Desk.Recorder(Topics.INCIDENTS_OPENED, Topics.INCIDENTS_UPDATED,
                Topics.INCIDENTS_RESOLVED)) {
            Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("events " + Desk.RUN, 2, 1));
            events.await(Topics.INCIDENTS_OPENED, t.reference());
            Desk.incidents().transition(Desk.OPS, t.reference(), TransitionRequest.resolved("fixed", "done"));
            Event resolved = events.await(Topics.INCIDENTS_RESOLVED, t.reference());
            assertEquals("RESOLVED", resolved.getProperty(EventProperties.NEW_STATE));
            assertEquals("NEW", resolved.getProperty(EventProperties.OLD_STATE));
            assertEquals(Desk.OPS.name(), resolved.getProperty(EventProperties.PRINCIPAL));
        }
    }

    @Test
    void badFieldsAreRefusedByName() throws Exception {
        Incidents inc = Desk.incidents();
        assertEquals("title", assertThrows(InvalidTicketException.class,
                () -> inc.create(Desk.OPS, TicketDraft.incident(" ", 1, 1))).field());
        assertEquals("urgency", assertThrows(InvalidTicketException.class,
                () -> inc.create(Desk.OPS, TicketDraft.incident("x", 1, 4))).field());
        assertEquals("group", assertThrows(InvalidTicketException.class,
                () -> inc.create(Desk.OPS, TicketDraft.incident("x", 1, 1).withGroup("no-such-group"))).field());
        assertEquals("title", assertThrows(InvalidTicketException.class,
                () -> inc.create(Desk.OPS, TicketDraft.incident("x".repeat(201), 1, 1))).field());
    }
}
