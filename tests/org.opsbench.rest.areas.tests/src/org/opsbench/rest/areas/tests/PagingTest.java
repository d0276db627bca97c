package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.assets.rest.internal.CisResource;
import org.opsbench.backup.rest.internal.BackupJobsResource;
import org.opsbench.changes.rest.internal.ChangesResource;
import org.opsbench.incidents.rest.internal.TicketDtos.NewTicket;
import org.opsbench.incidents.rest.internal.TicketsResource;
import org.opsbench.monitoring.rest.internal.ChecksResource;
import org.opsbench.monitoring.rest.internal.HostsResource;
import org.opsbench.monitoring.rest.internal.ProblemsResource;
import org.opsbench.rest.Page;
import org.opsbench.security.rest.internal.AuditResource;
import org.opsbench.security.rest.internal.SecurityDtos.NewToken;
import org.opsbench.security.rest.internal.TokensResource;

import jakarta.ws.rs.core.SecurityContext;

/** The paging bounds of every list resource: 400 naming offset or limit, and pages past the end. */
class PagingTest {

    /** One list resource, paged. */
    @FunctionalInterface
    private interface Lister {
        Page<?> page(int offset, int limit) throws Exception;
    }

    private static void bounded(String what, Lister list) throws Exception {
        Areas.badRequest("offset", () -> list.page(-1, 10));
        Areas.badRequest("limit", () -> list.page(0, 0));
        Areas.badRequest("limit", () -> list.page(0, Page.MAX_LIMIT + 1));
        Page<?> first = list.page(0, Page.MAX_LIMIT);
        assertTrue(first.items().size() <= Page.MAX_LIMIT, what);
        assertEquals(Page.MAX_LIMIT, first.limit(), what);
        Page<?> past = list.page(1_000_000, 10);
        assertEquals(List.of(), past.items(), what + ": past the end");
        assertEquals(1_000_000, past.offset(), what);
        assertEquals(first.total(), past.total(), what + ": the total does not depend on the page");
    }

    @Test
    void everyListRefusesBadOffsetsAndLimitsAndAnswersAnEmptyPagePastTheEnd() throws Exception {
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        SecurityContext auditor = Areas.as(Areas.user("auditor"));
        HostsResource hosts = Areas.service(HostsResource.class);
        ChecksResource checks = Areas.service(ChecksResource.class);
        ProblemsResource problems = Areas.service(ProblemsResource.class);
        TicketsResource tickets = Areas.service(TicketsResource.class);
        ChangesResource changes = Areas.service(ChangesResource.class);
        CisResource cis = Areas.service(CisResource.class);
        BackupJobsResource jobs = Areas.service(BackupJobsResource.class);
        AuditResource audit = Areas.service(AuditResource.class);
        TokensResource tokens = Areas.service(TokensResource.class);
        tokens.issue(new NewToken("paging", null, 1), viewer);

        bounded("hosts", (o, l) -> hosts.list(null, null, o, l, viewer));
        bounded("checks", (o, l) -> checks.list(null, null, null, o, l, viewer));
        bounded("problems", (o, l) -> problems.list(null, null, null, false, o, l, viewer));
        bounded("tickets", (o, l) -> tickets.list(null, null, null, null, o, l, viewer));
        bounded("tickets by queue", (o, l) -> tickets.list(null, null, "no-such-queue", null, o, l, viewer));
        bounded("changes", (o, l) -> changes.list(null, null, null, null, null, o, l, viewer));
        bounded("cis", (o, l) -> cis.list(null, null, null, null, null, o, l, viewer));
        bounded("backup jobs", (o, l) -> jobs.list(null, null, o, l, viewer));
        bounded("audit", (o, l) -> audit.list(null, null, null, null, null, null, o, l, auditor));
        bounded("audit by action", (o, l) -> audit.list(null, "security.", null, null, null, null, o, l, auditor));
        bounded("tokens", (o, l) -> tokens.list(o, l, viewer));
        SecurityContext operator = Areas.as(Areas.user("operator"));
        String reference = tickets.create(new NewTicket(null, "paged worklog " + Areas.RUN, "", "", "", List.of(), 3,
                3, null, null), operator).reference();
        bounded("ticket comments", (o, l) -> tickets.comments(reference, o, l, viewer));
    }

    @Test
    void consecutivePagesOfTicketsAreDisjointAndCoverTheList() throws Exception {
        String tag = "rest-pages-" + Areas.RUN;
        TicketsResource tickets = Areas.service(TicketsResource.class);
        SecurityContext operator = Areas.as(Areas.user("operator"));
        for (int i = 0; i < 5; i++) {
            tickets.create(new NewTicket(null, tag + " #" + i, "", "", "", List.of(), 1 + i % 3, 2, null, null),
                    operator);
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int offset = 0; offset < 5; offset += 2) {
            var page = tickets.list(null, null, null, tag, offset, 2, operator);
            assertEquals(5, page.total());
            assertEquals(Math.min(2, 5 - offset), page.items().size());
            page.items().forEach(t -> assertTrue(seen.add(t.reference()), "twice: " + t.reference()));
        }
        assertEquals(5, seen.size());
    }
}
