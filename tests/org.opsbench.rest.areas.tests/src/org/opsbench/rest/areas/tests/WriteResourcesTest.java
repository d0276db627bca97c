package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.rest.internal.BackupJobsResource;
import org.opsbench.core.Principal;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.rest.internal.TicketDtos.AssignBody;
import org.opsbench.incidents.rest.internal.TicketDtos.CommentBody;
import org.opsbench.incidents.rest.internal.TicketDtos.NewTicket;
import org.opsbench.incidents.rest.internal.TicketDtos.TicketDto;
import org.opsbench.incidents.rest.internal.TicketDtos.TransitionBody;
import org.opsbench.incidents.rest.internal.TicketsResource;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.rest.internal.ChecksResource;
import org.opsbench.monitoring.rest.internal.MonitoringDtos.AckBody;
import org.opsbench.monitoring.rest.internal.ProblemsResource;
import org.opsbench.security.rest.internal.SecurityDtos.NewToken;
import org.opsbench.security.rest.internal.TokensResource;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Every write resource on the real services: it runs as the caller (the audit record names them and the object), a
 * caller without the permission is refused with nothing written, and a bad body field is a 400 naming the field of the
 * JSON body, again with nothing written.
 */
class WriteResourcesTest {

    private static NewTicket ticket(String title, Integer impact, Integer urgency, List<String> ciIds, String queue) {
        return new NewTicket(null, title, "", "", "", ciIds, impact, urgency, queue, null);
    }

    @Test
    void ticketWritesAreAuditedAsTheCallerRefusedForAViewerAndNameTheBadField() throws Exception {
        String tag = "rest-wt-" + Areas.RUN;
        String queue = "rest-wq-" + Areas.RUN;
        Areas.service(IncidentsAdmin.class).saveGroup(Areas.OPS, new AssignmentGroup(queue, "write queue", Set.of()));
        TicketsResource tickets = Areas.service(TicketsResource.class);
        Principal operator = Areas.user("operator");
        SecurityContext as = Areas.as(operator);
        Instant since = Instant.now().minusMillis(1);

        TicketDto t = tickets.create(ticket(tag + " disk full", 2, 2, List.of(), null), as);
        Areas.audited(operator, "incidents.ticket.create", t.reference(), since);
        tickets.assign(t.reference(), new AssignBody(queue, null), as);
        Areas.audited(operator, "incidents.ticket.assign", t.reference(), since);
        tickets.transition(t.reference(), new TransitionBody("IN_PROGRESS", null, null, null), as);
        Areas.audited(operator, "incidents.ticket.transition", t.reference(), since);
        tickets.comment(t.reference(), new CommentBody("cleaned /var/log", 5), as);
        Areas.audited(operator, "incidents.ticket.worklog", t.reference(), since);
        int worklog = tickets.comments(t.reference(), 0, 500, as).items().size();

        Principal viewer = Areas.user("viewer");
        SecurityContext read = Areas.as(viewer);
        Areas.forbidden(() -> tickets.create(ticket(tag + " viewer", 2, 2, List.of(), null), read));
        Areas.forbidden(() -> tickets.assign(t.reference(), new AssignBody(null, viewer.name()), read));
        Areas.forbidden(() -> tickets.transition(t.reference(), new TransitionBody("PENDING", "wait", null, null),
                read));
        Areas.forbidden(() -> tickets.comment(t.reference(), new CommentBody("mine", 0), read));
        TicketDto after = tickets.get(t.reference(), as);
        assertEquals("IN_PROGRESS", after.state());
        assertEquals(queue, after.queue());
        assertEquals(worklog, tickets.comments(t.reference(), 0, 500, as).items().size());
        Areas.notAudited(viewer, since);

        Areas.badRequest("title", () -> tickets.create(ticket("  ", 2, 2, List.of(), null), as));
        Areas.badRequest("impact", () -> tickets.create(ticket(tag + " x", 4, 2, List.of(), null), as));
        Areas.badRequest("urgency", () -> tickets.create(ticket(tag + " x", 2, 0, List.of(), null), as));
        Areas.badRequest("urgency", () -> tickets.create(ticket(tag + " x", 2, null, List.of(), null), as));
        Areas.badRequest("ciIds", () -> tickets.create(ticket(tag + " x", 2, 2, List.of("no-such-ci"), null), as));
        Areas.badRequest("queue", () -> tickets.create(ticket(tag + " x", 2, 2, List.of(), "no-such-queue"), as));
        Areas.badRequest("kind", () -> tickets.create(new NewTicket("BUG", tag + " x", "", "", "", List.of(), 2, 2,
                null, null), as));
        Areas.badRequest("queue", () -> tickets.assign(t.reference(), new AssignBody("no-such-queue", null), as));
        Areas.badRequest("target", () -> tickets.transition(t.reference(), new TransitionBody("NEW", null, null,
                null), as));
        Areas.badRequest("reason", () -> tickets.transition(t.reference(), new TransitionBody("PENDING", " ", null,
                null), as));
        Areas.badRequest("resolutionCode", () -> tickets.transition(t.reference(), new TransitionBody("RESOLVED",
                null, null, "fixed"), as));
        Areas.badRequest("minutesSpent", () -> tickets.comment(t.reference(), new CommentBody("x", -1), as));
        assertEquals(1, tickets.list(null, null, null, tag, 0, 50, as).total(), "no ticket half-written");
        assertEquals("IN_PROGRESS", tickets.get(t.reference(), as).state());
        assertEquals(worklog, tickets.comments(t.reference(), 0, 500, as).items().size());
        assertThrows(NoSuchElementException.class,
                () -> tickets.transition("INC-999999999", new TransitionBody("IN_PROGRESS", null, null, null), as));
        assertThrows(NoSuchElementException.class,
                () -> tickets.assign("INC-999999999", new AssignBody(queue, null), as));

        tickets.transition(t.reference(), new TransitionBody("RESOLVED", null, "fixed", "logs rotated"), as);
        tickets.transition(t.reference(), new TransitionBody("CLOSED", null, null, null), as);
        Areas.conflict(() -> tickets.assign(t.reference(), new AssignBody(queue, operator.name()), as));
    }

    @Test
    void checkRunsAndAcknowledgementsAreAuditedAsTheCallerAndRefusedForAViewer() throws Exception {
        Areas.monitoringWithoutSchedule();
        String host = "rest-mw-" + Areas.RUN;
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        MonitoringAdmin admin = Areas.service(MonitoringAdmin.class);
        admin.saveHost(Areas.OPS, HostDefinition.of(host, "127.0.0.1"));
        admin.saveCheck(Areas.OPS, CheckDefinition.of(host, "db", "tcp", Map.of("port", Integer.toString(closed)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5)));
        ChecksResource checks = Areas.service(ChecksResource.class);
        ProblemsResource problems = Areas.service(ProblemsResource.class);
        Principal operator = Areas.user("operator");
        SecurityContext as = Areas.as(operator);
        Principal viewer = Areas.user("viewer");
        SecurityContext read = Areas.as(viewer);
        Instant since = Instant.now().minusMillis(1);

        Areas.forbidden(() -> checks.runNow(host, "db", read));
        assertEquals("CRITICAL", checks.runNow(host, "db", as).state());
        Areas.audited(operator, "monitoring.check.run", host + "/db", since);
        assertThrows(NoSuchElementException.class, () -> checks.runNow(host, "no-such-check", as));

        Areas.forbidden(() -> problems.acknowledge(host, "db", new AckBody("mine"), read));
        Areas.badRequest("comment", () -> problems.acknowledge(host, "db", new AckBody("  "), as));
        Areas.badRequest("comment", () -> problems.acknowledge(host, "db", null, as));
        assertThrows(NoSuchElementException.class,
                () -> problems.acknowledge(host, "no-such-check", new AckBody("x"), as));
        assertEquals(null, checks.get(host, "db", as).acknowledgement(), "refused calls acknowledged nothing");
        problems.acknowledge(host, "db", new AckBody("restarting it"), as);
        Areas.audited(operator, "monitoring.acknowledge", host + "/db", since);

        Areas.forbidden(() -> problems.unacknowledge(host, "db", read));
        assertEquals("restarting it", checks.get(host, "db", as).acknowledgement().comment());
        problems.unacknowledge(host, "db", as);
        Areas.audited(operator, "monitoring.acknowledge.remove", host + "/db", since);
        assertThrows(NoSuchElementException.class, () -> problems.unacknowledge(host, "db", as),
                "nothing left to remove");
        Areas.notAudited(viewer, since);
    }

    @Test
    void aBackupRunNowIsAuditedAsTheCallerAndRefusedForAViewer(@TempDir Path repo) throws Exception {
        Backup backup = Areas.service(Backup.class);
        String name = "rest-wb-" + Areas.RUN;
        backup.saveJob(Areas.OPS, new JobDefinition(name, "the workspace database", SourceKind.DATABASE, "", 0, "", "",
                List.of(), "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                Retention.KEEP_ALL, "", "", true));
        BackupJobsResource jobs = Areas.service(BackupJobsResource.class);
        Principal operator = Areas.user("operator");
        Principal viewer = Areas.user("viewer");
        Instant since = Instant.now().minusMillis(1);

        Areas.forbidden(() -> jobs.runNow(name, Areas.as(viewer)));
        assertEquals(0, jobs.runs(name, null, 0, 50, Areas.as(viewer)).total(), "a refused run-now started nothing");
        assertThrows(NoSuchElementException.class, () -> jobs.runNow("no-such-" + name, Areas.as(operator)));
        var started = jobs.runNow(name, Areas.as(operator));
        Areas.audited(operator, "backup.run.start", name, since);
        backup.awaitRun(Areas.OPS, started.id(), Duration.ofSeconds(120));
        Areas.notAudited(viewer, since);
    }

    @Test
    void tokenWritesAreAuditedWithoutTheSecretAndAnotherUsersTokenIsRefused() throws Exception {
        TokensResource tokens = Areas.service(TokensResource.class);
        Principal operator = Areas.user("operator");
        Principal viewer = Areas.user("viewer");
        Instant since = Instant.now().minusMillis(1);

        var issued = tokens.issue(new NewToken("ci-" + Areas.RUN, null, 7), Areas.as(operator));
        var record = Areas.audited(operator, "security.token.issue", issued.token().id(), since);
        assertTrue(!record.toString().contains(issued.secret().substring(17)), "no secret in the audit");
        Areas.forbidden(() -> tokens.revoke(issued.token().id(), Areas.as(viewer)));
        assertTrue(tokens.list(0, 500, Areas.as(operator)).items().stream()
                .anyMatch(t -> t.id().equals(issued.token().id()) && t.active()), "still active");
        Areas.forbidden(() -> tokens.issue(new NewToken("x", null, 1), Areas.as(Areas.NOBODY)));
        tokens.revoke(issued.token().id(), Areas.as(operator));
        Areas.audited(operator, "security.token.revoke", issued.token().id(), since);
        Areas.badRequest("days", () -> tokens.issue(new NewToken("x", null, 3661), Areas.as(operator)));
        Areas.badRequest("label", () -> tokens.issue(new NewToken("x".repeat(201), null, 1), Areas.as(operator)));
        Areas.notAudited(viewer, since);
    }
}
