package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.ProblemDraft;
import org.opsbench.incidents.Problems;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;

/** Problems and known errors: linking incidents, publishing, and the workaround shown for matching new incidents. */
class ProblemsTest {

    @Test
    void aPublishedKnownErrorShowsItsWorkaroundForMatchingIncidents() throws Exception {
        Problems problems = Desk.service(Problems.class);
        String word = "spooler" + Desk.RUN;
        Problem p = problems.create(Desk.OPS, new ProblemDraft("Print " + word + " hangs", "", "driver leak",
                "restart the " + word + " service", List.of(word, "hangs"), List.of()));
        assertTrue(p.reference().matches("PRB-\\d{6}"), p.reference());
        Ticket before = Desk.incidents().create(Desk.OPS, TicketDraft.incident(word + " hangs again", 3, 2));
        assertEquals(List.of(), Desk.incidents().knownErrorsFor(Desk.OPS, before.reference()), "not published yet");

        Problem known = problems.publishKnownError(Desk.OPS, p.reference());
        assertTrue(known.knownError());
        Ticket matching = Desk.incidents().create(Desk.OPS, TicketDraft.incident("The " + word + " HANGS", 3, 2));
        List<Problem> hints = Desk.incidents().knownErrorsFor(Desk.OPS, matching.reference());
        assertEquals(List.of(p.reference()), hints.stream().map(Problem::reference).toList());
        assertEquals("restart the " + word + " service", hints.get(0).workaround());
        Ticket other = Desk.incidents().create(Desk.OPS, TicketDraft.incident(word + " is slow", 3, 2));
        assertEquals(List.of(), Desk.incidents().knownErrorsFor(Desk.OPS, other.reference()), "all terms must match");

        problems.link(Desk.OPS, p.reference(), matching.reference());
        assertEquals(p.reference(), Desk.incidents().ticket(Desk.OPS, matching.reference()).orElseThrow().problem());
        assertEquals(List.of(matching.reference()), problems.problem(Desk.OPS, p.reference()).orElseThrow()
                .incidents());

        problems.close(Desk.OPS, p.reference());
        assertEquals(List.of(), Desk.incidents().knownErrorsFor(Desk.OPS, matching.reference()));
    }

    @Test
    void aKnownErrorNeedsAWorkaroundAndOnlyIncidentsLink() throws Exception {
        Problems problems = Desk.service(Problems.class);
        Problem p = problems.create(Desk.OPS, new ProblemDraft("No workaround " + Desk.RUN, "", "", "", List.of(),
                List.of()));
        assertEquals("workaround", assertThrows(InvalidTicketException.class,
                () -> problems.publishKnownError(Desk.OPS, p.reference())).field());
        assertEquals("incident", assertThrows(InvalidTicketException.class,
                () -> problems.link(Desk.OPS, p.reference(), "REQ-000001")).field());
        assertEquals("problem", assertThrows(InvalidTicketException.class,
                () -> problems.link(Desk.OPS, "PRB-999999", "INC-000001")).field());
        assertEquals("title", assertThrows(InvalidTicketException.class, () -> problems.create(Desk.OPS,
                new ProblemDraft(" ", "", "", "", List.of(), List.of()))).field());
    }
}
