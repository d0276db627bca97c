package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Priority;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.Attachment;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.Metrics;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.WorklogEntry;

/** Worklog with time spent, attachments in the database with a size limit, queues per scope, metrics. */
class WorklogAndAttachmentsTest {

    @Test
    void worklogKeepsCommentsAndWorkInOrder() throws Exception {
        Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("worklog " + Desk.RUN, 2, 2));
        Desk.incidents().addWorklog(Desk.OPS, t.reference(), "called the user", Duration.ZERO);
        Desk.incidents().addWorklog(Desk.OPS, t.reference(), "replaced the cable", Duration.ofMinutes(30));
        List<WorklogEntry> log = Desk.incidents().worklog(Desk.OPS, t.reference());
        assertEquals(List.of(WorklogEntry.Kind.SYSTEM, WorklogEntry.Kind.COMMENT, WorklogEntry.Kind.WORK),
                log.stream().map(WorklogEntry::kind).toList());
        assertEquals(Duration.ofMinutes(30), log.get(2).timeSpent());
        assertEquals("text", assertThrows(InvalidTicketException.class,
                () -> Desk.incidents().addWorklog(Desk.OPS, t.reference(), " ", Duration.ZERO)).field());
        assertEquals("timeSpent", assertThrows(InvalidTicketException.class, () -> Desk.incidents()
                .addWorklog(Desk.OPS, t.reference(), "x", Duration.ofMinutes(-1))).field());
    }

    @Test
    void attachmentsAreStoredUpToTheLimit() throws Exception {
        IncidentsAdmin admin = Desk.admin();
        IncidentsAdmin.Settings before = admin.settings(Desk.OPS);
        Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("attach " + Desk.RUN, 2, 2));
        byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        Attachment a = Desk.incidents().attach(Desk.OPS, t.reference(), "app.log", "text/plain", log);
        assertArrayEquals(log, Desk.incidents().attachmentContent(Desk.OPS, a.id()));
        assertEquals(List.of("app.log"), Desk.incidents().attachments(Desk.OPS, t.reference()).stream()
                .map(Attachment::name).toList());
        try {
            admin.saveSettings(Desk.OPS, new IncidentsAdmin.Settings(before.reopenWindow(), 10, true, null));
            InvalidTicketException e = assertThrows(InvalidTicketException.class,
                    () -> Desk.incidents().attach(Desk.OPS, t.reference(), "big.bin", null, new byte[11]));
            assertEquals("content", e.field());
            assertTrue(e.getMessage().contains("limit of 10 bytes"), e.getMessage());
        } finally {
            admin.saveSettings(Desk.OPS, before);
        }
        assertEquals(1, Desk.incidents().attachments(Desk.OPS, t.reference()).size());
    }

    @Test
    void queuesShowMineMyGroupsAndFilterByStateAndPriority() throws Exception {
        String group = "queue-" + Desk.RUN;
        String me = "queue-user-" + Desk.RUN;
        Desk.admin().saveGroup(Desk.OPS, new AssignmentGroup(group, "", Set.of(me)));
        String tag = "queue" + Desk.RUN;
        Ticket mine = Desk.incidents().create(Desk.OPS, TicketDraft.incident(tag + " mine", 1, 1));
        Desk.incidents().assign(Desk.OPS, mine.reference(), null, me);
        Ticket grouped = Desk.incidents().create(Desk.OPS, TicketDraft.incident(tag + " group", 3, 3));
        Desk.incidents().assign(Desk.OPS, grouped.reference(), group, null);
        Desk.incidents().create(Desk.OPS, TicketDraft.incident(tag + " other", 2, 2));
        // a system principal named like the member: it may read, and "me" is its name
        org.opsbench.core.Principal user = new org.opsbench.core.Principal(me, me,
                org.opsbench.core.Principal.Kind.SYSTEM);
        assertEquals(List.of(mine.reference()), refs(user, QueueQuery.Scope.MINE, Set.of(), Set.of(), tag));
        assertEquals(List.of(grouped.reference()), refs(user, QueueQuery.Scope.MY_GROUPS, Set.of(), Set.of(), tag));
        assertEquals(3, refs(user, QueueQuery.Scope.ALL, Set.of(), Set.of(), tag).size());
        assertEquals(List.of(mine.reference()),
                refs(user, QueueQuery.Scope.ALL, Set.of(TicketState.ASSIGNED), Set.of(Priority.P1), tag));
        assertEquals(List.of(mine.reference()), refs(user, QueueQuery.Scope.ALL, Set.of(), Set.of(),
                mine.reference()));
    }

    private static List<String> refs(org.opsbench.core.Principal p, QueueQuery.Scope scope, Set<TicketState> states,
            Set<Priority> priorities, String text) throws Exception {
        return Desk.incidents().queue(p, new QueueQuery(scope, states, priorities, text,
                QueueQuery.Sort.SLA_DEADLINE, true, 0, 50)).stream().map(Ticket::reference).toList();
    }

    @Test
    void metricsCountResolvedTicketsAndTheBacklog() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        Ticket quick = Desk.incidents().create(Desk.OPS, TicketDraft.incident("metrics quick " + Desk.RUN, 2, 2));
        Desk.incidents().transition(Desk.OPS, quick.reference(), TransitionRequest.resolved("fixed", "at once"));
        Ticket reassigned = Desk.incidents().create(Desk.OPS, TicketDraft.incident("metrics slow " + Desk.RUN, 2, 2));
        Desk.incidents().assign(Desk.OPS, reassigned.reference(), null, "a");
        Desk.incidents().assign(Desk.OPS, reassigned.reference(), null, "b");
        Desk.incidents().transition(Desk.OPS, reassigned.reference(), TransitionRequest.resolved("fixed", "later"));
        Metrics m = Desk.incidents().metrics(Desk.OPS, from, Instant.now().plusSeconds(1));
        assertTrue(m.resolved() >= 2, m.toString());
        assertTrue(m.firstContactResolution() < 100 && m.firstContactResolution() >= 0, m.toString());
        assertTrue(m.mttr() != null && m.mtta() != null, m.toString());
        assertTrue(m.backlogTotal() >= 0);
        assertEquals(Set.of("<1d", "1-7d", ">7d"), m.backlogByAge().keySet());
    }
}
