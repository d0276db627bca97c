package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.rest.internal.TicketDtos;
import org.opsbench.incidents.rest.internal.TicketDtos.NewTicket;
import org.opsbench.incidents.rest.internal.TicketDtos.TicketDto;
import org.opsbench.incidents.rest.internal.TicketsResource;

import jakarta.ws.rs.core.SecurityContext;

/** Tickets over the resource on the real incidents service: create, show, list with filters, move, assign, comment. */
class IncidentsResourcesTest {

    private static NewTicket ticket(String title, int impact, int urgency) {
        return new NewTicket(null, title, "raised over REST", "", "", List.of(), impact, urgency, null, null);
    }

    @Test
    void aTicketIsCreatedShownMovedAssignedAndCommentedThroughTheService() throws Exception {
        String queue = "rest-q-" + Areas.RUN;
        Areas.service(IncidentsAdmin.class).saveGroup(Areas.OPS,
                new AssignmentGroup(queue, "REST test queue", Set.of()));
        TicketsResource tickets = Areas.service(TicketsResource.class);
        SecurityContext operator = Areas.as(Areas.user("operator"));
        TicketDto created = tickets.create(ticket("printer on fire " + Areas.RUN, 1, 1), operator);
        assertEquals("NEW", created.state());
        assertEquals("P1", created.priority());
        assertEquals(Areas.user("operator").name(), created.reporter());
        assertEquals(created, tickets.get(created.reference(), operator));

        TicketDto assigned = tickets.assign(created.reference(), new TicketDtos.AssignBody(queue, null), operator);
        assertEquals(queue, assigned.queue());
        TicketDto working = tickets.transition(created.reference(),
                new TicketDtos.TransitionBody("in_progress", null, null, null), operator);
        assertEquals("IN_PROGRESS", working.state());
        tickets.comment(created.reference(), new TicketDtos.CommentBody("replaced the toner", 15), operator);
        assertTrue(tickets.comments(created.reference(), 0, 50, operator).items().stream()
                .anyMatch(c -> c.text().equals("replaced the toner") && c.minutesSpent() == 15));

        Areas.badRequest("target", () -> tickets.transition(created.reference(),
                new TicketDtos.TransitionBody("SIDEWAYS", null, null, null), operator));
        Areas.badRequest("text", () -> tickets.comment(created.reference(), new TicketDtos.CommentBody(" ", 0),
                operator));
        Areas.badRequest("impact", () -> tickets.create(new NewTicket(null, "x", "", "", "", List.of(), null, 2,
                null, null), operator));
        Areas.badRequest("title", () -> tickets.create(ticket(" ", 2, 2), operator));
        assertThrows(NoSuchElementException.class, () -> tickets.get("INC-999999999", operator));
        assertThrows(NoSuchElementException.class,
                () -> tickets.comment("INC-999999999", new TicketDtos.CommentBody("x", 0), operator));
    }

    @Test
    void theListFiltersByStatePriorityQueueAndTextAndPages() throws Exception {
        String tag = "rest-list-" + Areas.RUN;
        String queue = "rest-lq-" + Areas.RUN;
        Areas.service(IncidentsAdmin.class).saveGroup(Areas.OPS, new AssignmentGroup(queue, "list queue", Set.of()));
        TicketsResource tickets = Areas.service(TicketsResource.class);
        SecurityContext operator = Areas.as(Areas.user("operator"));
        TicketDto p1 = tickets.create(ticket(tag + " outage", 1, 1), operator);
        TicketDto p3 = tickets.create(ticket(tag + " slow", 2, 2), operator);
        TicketDto p5 = tickets.create(ticket(tag + " wish", 3, 3), operator);
        tickets.assign(p3.reference(), new TicketDtos.AssignBody(queue, null), operator);

        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        var all = tickets.list(null, null, null, tag, 0, 50, viewer);
        assertEquals(3, all.total());
        assertEquals(List.of(p1.reference()), refs(tickets.list(null, "P1", null, tag, 0, 50, viewer).items()));
        assertEquals(Set.of(p1.reference(), p5.reference()),
                Set.copyOf(refs(tickets.list(null, p1.priority() + "," + p5.priority(), null, tag, 0, 50, viewer)
                        .items())));
        assertEquals(List.of(p3.reference()), refs(tickets.list(null, null, queue, tag, 0, 50, viewer).items()));
        assertEquals(3, tickets.list("NEW,ASSIGNED", null, null, tag, 0, 50, viewer).total());
        assertEquals(0, tickets.list("CLOSED", null, null, tag, 0, 50, viewer).total());
        var page = tickets.list(null, null, null, tag, 1, 1, viewer);
        assertEquals(1, page.items().size());
        assertEquals(3, page.total());
        Areas.badRequest("priority", () -> tickets.list(null, "P9", null, null, 0, 50, viewer));
        Areas.badRequest("state", () -> tickets.list("OPEN", null, null, null, 0, 50, viewer));

        Areas.forbidden(() -> tickets.create(ticket("viewer may not", 2, 2), viewer));
        Areas.forbidden(() -> tickets.list(null, null, null, null, 0, 50, Areas.as(Areas.NOBODY)));
    }

    private static List<String> refs(List<TicketDto> rows) {
        return rows.stream().map(TicketDto::reference).toList();
    }
}
