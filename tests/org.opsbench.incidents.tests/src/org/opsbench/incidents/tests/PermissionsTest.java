package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.ProblemDraft;
import org.opsbench.incidents.Problems;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/** Every write is permission-checked (built-in roles as declared) and audited under the acting user. */
class PermissionsTest {

    private static void refused(String permission, Executable call) {
        NotAllowedException e = assertThrows(NotAllowedException.class, call);
        assertEquals(permission, e.permission());
    }

    @Test
    void aViewerReadsButChangesNothing() throws Exception {
        Principal viewer = Desk.user("viewer");
        Ticket t = Desk.incidents().create(Desk.OPS, TicketDraft.incident("rbac " + Desk.RUN, 2, 2));
        String ref = t.reference();
        var inc = Desk.incidents();
        assertEquals(ref, inc.ticket(viewer, ref).orElseThrow().reference());
        inc.queue(viewer, QueueQuery.open());
        refused(IncidentsPermissions.WRITE, () -> inc.create(viewer, TicketDraft.incident("x", 1, 1)));
        refused(IncidentsPermissions.WRITE, () -> inc.update(viewer, ref, TicketDraft.incident("y", 1, 1)));
        refused(IncidentsPermissions.WRITE, () -> inc.transition(viewer, ref, TransitionRequest.to(
                TicketState.IN_PROGRESS)));
        refused(IncidentsPermissions.ASSIGN, () -> inc.assign(viewer, ref, null, "bob"));
        refused(IncidentsPermissions.WRITE, () -> inc.addWorklog(viewer, ref, "hi", Duration.ZERO));
        refused(IncidentsPermissions.WRITE, () -> inc.attach(viewer, ref, "a.txt", "text/plain", new byte[1]));
        refused(IncidentsPermissions.IMPORT, () -> inc.importCsv(viewer, new StringReader("title,impact,urgency\n")));
        Problems problems = Desk.service(Problems.class);
        refused(IncidentsPermissions.PROBLEMS, () -> problems.create(viewer, new ProblemDraft("p", "", "", "",
                List.of(), List.of())));
        refused(IncidentsPermissions.PROBLEMS, () -> problems.link(viewer, "PRB-000001", ref));
        KnowledgeBase kb = Desk.service(KnowledgeBase.class);
        refused(IncidentsPermissions.KNOWLEDGE, () -> kb.save(viewer, Article.draft("a", "b", List.of())));
        refused(IncidentsPermissions.KNOWLEDGE, () -> kb.delete(viewer, "KB-000001"));
        var admin = Desk.admin();
        refused(IncidentsPermissions.ADMIN, () -> admin.saveGroup(viewer, new AssignmentGroup("g", "", Set.of())));
        refused(IncidentsPermissions.ADMIN, () -> admin.saveMatrix(viewer, PriorityMatrix.itil5()));
        refused(IncidentsPermissions.ADMIN, () -> admin.saveCalendar(viewer, admin.calendar(viewer)));
        refused(IncidentsPermissions.ADMIN, () -> admin.savePolicies(viewer, admin.policies(viewer)));
        refused(IncidentsPermissions.ADMIN, () -> admin.saveSettings(viewer, admin.settings(viewer)));
        refused(IncidentsPermissions.ADMIN, () -> admin.deleteGroup(viewer, "g"));
        assertEquals(TicketState.NEW, inc.ticket(viewer, ref).orElseThrow().state());
    }

    @Test
    void anOperatorWorksTicketsButNeitherImportsNorConfigures() throws Exception {
        Principal op = Desk.user("operator");
        var inc = Desk.incidents();
        Ticket t = inc.create(op, TicketDraft.incident("operator work " + Desk.RUN, 2, 2));
        inc.assign(op, t.reference(), null, op.name());
        inc.transition(op, t.reference(), TransitionRequest.to(TicketState.IN_PROGRESS));
        inc.addWorklog(op, t.reference(), "checked the logs", Duration.ofMinutes(15));
        refused(IncidentsPermissions.IMPORT, () -> inc.importCsv(op, new StringReader("title,impact,urgency\n")));
        refused(IncidentsPermissions.ADMIN, () -> Desk.admin().saveMatrix(op, PriorityMatrix.itil3()));

        List<AuditRecord> mine = Desk.service(AuditTrail.class)
                .search(Desk.OPS, new AuditQuery(null, null, op.name(), "ticket", t.reference(), 0));
        Function<AuditRecord, String> action = r -> r.entry().action();
        assertEquals(List.of("incidents.ticket.assign", "incidents.ticket.create", "incidents.ticket.transition",
                "incidents.ticket.worklog"), mine.stream().map(action).sorted().toList());
        AuditRecord transition = mine.stream().filter(r -> r.entry().action().equals("incidents.ticket.transition"))
                .findFirst().orElseThrow();
        assertTrue(transition.entry().before().contains("[ASSIGNED"), transition.entry().before());
        assertTrue(transition.entry().after().contains("[IN_PROGRESS"), transition.entry().after());
    }

    @Test
    void theDeclaredGrantsMatchTheBuiltInRoles() throws Exception {
        var access = Desk.service(org.opsbench.core.security.AccessControl.class);
        Map<String, Set<String>> grants = Map.of("viewer", Set.of(IncidentsPermissions.READ), "operator",
                Set.of(IncidentsPermissions.READ, IncidentsPermissions.WRITE, IncidentsPermissions.ASSIGN,
                        IncidentsPermissions.PROBLEMS, IncidentsPermissions.KNOWLEDGE));
        List<String> all = List.of(IncidentsPermissions.READ, IncidentsPermissions.WRITE, IncidentsPermissions.ASSIGN,
                IncidentsPermissions.IMPORT, IncidentsPermissions.PROBLEMS, IncidentsPermissions.KNOWLEDGE,
                IncidentsPermissions.ADMIN);
        for (var role : grants.entrySet()) {
            Principal p = Desk.user(role.getKey());
            for (String permission : all) {
                assertEquals(role.getValue().contains(permission), access.isAllowed(p, permission),
                        role.getKey() + " " + permission);
            }
        }
        assertFalse(access.isAllowed(Desk.user("auditor"), IncidentsPermissions.WRITE));
    }
}
