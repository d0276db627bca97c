package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Priority;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;

/**
 * Queue pages by SLA deadline over several states and priorities (read as one index range per state and priority,
 * merged) come in the same order as all matches sorted: deadline, then age; no deadline last ascending, first
 * descending; offsets page on without gaps or repeats.
 */
class QueuePageTest {

    private static QueueQuery query(Set<TicketState> states, Set<Priority> priorities, String text, boolean ascending,
            int offset, int limit) {
        return new QueueQuery(QueueQuery.Scope.ALL, states, priorities, text, QueueQuery.Sort.SLA_DEADLINE, ascending,
                offset, limit);
    }

    private static List<String> refs(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::reference).toList();
    }

    @Test
    void deadlinePagesOverSeveralStatesAndPrioritiesMatchTheSortedMatches() throws Exception {
        String tag = "queue-page-" + Desk.RUN;
        List<Ticket> made = new ArrayList<>();
        int[][] levels = {{1, 1}, {3, 3}, {2, 2}, {1, 3}, {3, 1}, {2, 3}, {2, 1}, {1, 2}};
        for (int i = 0; i < levels.length; i++) {
            made.add(Desk.incidents().create(Desk.OPS,
                    TicketDraft.incident(tag + " ticket " + i, levels[i][0], levels[i][1])));
        }
        // one pending (its clock stopped: no deadline), one in progress, one cancelled (not open)
        Desk.incidents().transition(Desk.OPS, made.get(2).reference(), TransitionRequest.to(TicketState.IN_PROGRESS));
        Desk.incidents().transition(Desk.OPS, made.get(3).reference(), TransitionRequest.to(TicketState.IN_PROGRESS));
        Desk.incidents().transition(Desk.OPS, made.get(3).reference(), TransitionRequest.pending("vendor"));
        Desk.incidents().transition(Desk.OPS, made.get(5).reference(),
                new TransitionRequest(TicketState.CANCELLED, "duplicate", "", ""));

        Set<TicketState> open = EnumSet.of(TicketState.NEW, TicketState.ASSIGNED, TicketState.IN_PROGRESS,
                TicketState.PENDING);
        List<Ticket> matches = new ArrayList<>();
        for (String ref : refs(made)) {
            Ticket t = Desk.incidents().ticket(Desk.OPS, ref).orElseThrow();
            if (open.contains(t.state())) {
                matches.add(t);
            }
        }
        Comparator<Ticket> ascending = Comparator
                .comparing((Ticket t) -> t.sla().resolutionDue(),
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(Ticket::reference);
        List<String> up = refs(matches.stream().sorted(ascending).toList());
        List<String> down = refs(matches.stream().sorted(ascending.reversed()).toList());
        assertEquals(7, up.size());
        assertEquals(made.get(3).reference(), up.get(6), "the pending ticket has no deadline: last");

        assertEquals(up, refs(Desk.incidents().queue(Desk.OPS, query(open, Set.of(), tag, true, 0, 50))));
        assertEquals(down, refs(Desk.incidents().queue(Desk.OPS, query(open, Set.of(), tag, false, 0, 50))));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            paged.addAll(refs(Desk.incidents().queue(Desk.OPS, query(open, Set.of(), tag, true, offset, 3))));
        }
        assertEquals(up, paged, "pages of three");
        // all states (the cancelled one too) and two priorities
        Set<Priority> two = EnumSet.of(made.get(0).priority(), made.get(1).priority());
        List<String> expected = new ArrayList<>();
        for (String ref : refs(made)) {
            Ticket t = Desk.incidents().ticket(Desk.OPS, ref).orElseThrow();
            if (two.contains(t.priority())) {
                expected.add(ref);
            }
        }
        List<String> byDeadline = refs(expected.stream().map(r -> {
            try {
                return Desk.incidents().ticket(Desk.OPS, r).orElseThrow();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).sorted(ascending).toList());
        assertEquals(byDeadline, refs(Desk.incidents().queue(Desk.OPS, query(Set.of(), two, tag, true, 0, 50))));
    }
}
