package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.SourceKind;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The area resources end to end: the real REST runtime over HTTP on loopback, the security area's authenticator with
 * tokens issued by the real token service, the real area services on Derby. What a client of the API sees.
 */
class AreasOverHttpTest {

    private static final String HOST = "rest-http-" + Areas.RUN;
    private static HttpApi api;
    private static Principal operator;
    private static String operatorToken;
    private static String viewerToken;
    private static String auditorToken;

    @BeforeAll
    static void runtimeUsersAndTokens() throws Exception {
        Areas.monitoringWithoutSchedule();
        api = HttpApi.start();
        operator = Areas.user("operator");
        operatorToken = HttpApi.token(operator, "http-ops");
        viewerToken = HttpApi.token(Areas.user("viewer"), "http-read");
        auditorToken = HttpApi.token(Areas.user("auditor"), "http-audit");
    }

    @Test
    void problemsAreListedWithFiltersAndPagesAfterChecksRunOverTheApi() throws Exception {
        int[] closed = new int[3];
        for (int i = 0; i < closed.length; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed[i] = s.getLocalPort();
            }
        }
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MonitoringAdmin admin = Areas.service(MonitoringAdmin.class);
            admin.saveHost(Areas.OPS, HostDefinition.of(HOST, "127.0.0.1"));
            List<String> checks = new ArrayList<>();
            for (int i = 0; i < closed.length; i++) {
                checks.add("db" + i);
                admin.saveCheck(Areas.OPS, tcp("db" + i, closed[i]));
            }
            checks.add("web");
            admin.saveCheck(Areas.OPS, tcp("web", open.getLocalPort()));
            for (String check : checks) {
                JsonNode ran = HttpApi.json(api.send("POST", "/api/v1/checks/" + HOST + "/" + check + "/run",
                        operatorToken, null), 200);
                assertEquals(check.equals("web") ? "OK" : "CRITICAL", ran.get("state").asText(), ran.toString());
            }
        }

        String filter = "/api/v1/problems?host=" + HOST + "&severity=critical&state=HARD";
        JsonNode all = HttpApi.json(api.get(filter, viewerToken), 200);
        assertEquals(3, all.get("total").asLong(), all.toString());
        assertEquals(50, all.get("limit").asInt(), "the default page");
        Set<String> seen = new HashSet<>();
        for (int offset = 0; offset < 3; offset += 2) {
            JsonNode page = HttpApi.json(api.get(filter + "&offset=" + offset + "&limit=2", viewerToken), 200);
            assertEquals(3, page.get("total").asLong());
            assertEquals(offset, page.get("offset").asInt());
            assertEquals(offset == 0 ? 2 : 1, page.get("items").size(), page.toString());
            for (JsonNode item : page.get("items")) {
                assertEquals(HOST, item.get("host").asText());
                assertEquals("CRITICAL", item.get("state").asText());
                assertTrue(seen.add(item.get("check").asText()), "pages overlap: " + item);
            }
        }
        assertEquals(Set.of("db0", "db1", "db2"), seen);
        assertEquals(0, HttpApi.json(api.get("/api/v1/problems?host=" + HOST + "&severity=WARNING", viewerToken), 200)
                .get("total").asLong());
        JsonNode bad = HttpApi.problem(api.get("/api/v1/problems?severity=PURPLE", viewerToken), 400, "severity");
        assertEquals("severity", bad.get("field").asText());
        assertEquals("limit", HttpApi.problem(api.get("/api/v1/problems?limit=501", viewerToken), 400, "limit")
                .get("field").asText());
        assertEquals("limit", HttpApi.problem(api.get("/api/v1/problems?limit=ten", viewerToken), 400, "limit")
                .get("field").asText(), "a malformed number is the runtime's 400");
        HttpApi.problem(api.get("/api/v1/problems", null), 401, "authentication required");
        HttpApi.problem(api.send("POST", "/api/v1/checks/" + HOST + "/web/run", viewerToken, null), 403,
                "monitoring:write");
    }

    private static CheckDefinition tcp(String name, int port) {
        return CheckDefinition.of(HOST, name, "tcp", Map.of("port", Integer.toString(port)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5));
    }

    @Test
    void aTicketIsCreatedAndTransitionedOverTheApiAndTheAuditShowsBothAsTheTokensUser() throws Exception {
        Instant since = Instant.now().minusMillis(1);
        String title = "http ticket " + Areas.RUN;
        HttpResponse<String> opened = api.send("POST", "/api/v1/tickets", operatorToken,
                "{\"title\":\"" + title + "\",\"impact\":1,\"urgency\":2,\"description\":\"raised over HTTP\"}");
        JsonNode created = HttpApi.json(opened, 201);
        String reference = created.get("reference").asText();
        assertEquals("/api/v1/tickets/" + reference,
                URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath(), "where the ticket is");
        assertEquals("NEW", created.get("state").asText());
        assertEquals(operator.name(), created.get("reporter").asText(), "the call ran as the token's user");
        JsonNode shown = HttpApi.json(api.get("/api/v1/tickets/" + reference, viewerToken), 200);
        // the SLA clock's percentage moves with time: the rest is the same ticket
        assertEquals(((ObjectNode) created.deepCopy()).without("sla"), ((ObjectNode) shown.deepCopy()).without("sla"));
        assertEquals(created.get("sla").get("resolutionDue"), shown.get("sla").get("resolutionDue"));

        JsonNode moved = HttpApi.json(api.send("POST", "/api/v1/tickets/" + reference + "/transition", operatorToken,
                "{\"target\":\"in_progress\"}"), 200);
        assertEquals("IN_PROGRESS", moved.get("state").asText());
        assertEquals(operator.name(), moved.get("assignee").asText());
        assertEquals(204, api.send("POST", "/api/v1/tickets/" + reference + "/comments", operatorToken,
                "{\"text\":\"on it\",\"minutesSpent\":10}").statusCode());
        JsonNode listed = HttpApi.json(api.get("/api/v1/tickets?state=IN_PROGRESS&text=" + HttpApi.q(title),
                viewerToken), 200);
        assertEquals(1, listed.get("total").asLong());
        assertEquals(reference, listed.get("items").get(0).get("reference").asText());

        JsonNode badImpact = HttpApi.problem(api.send("POST", "/api/v1/tickets", operatorToken,
                "{\"title\":\"x\",\"impact\":9,\"urgency\":2}"), 400, "impact");
        assertEquals("impact", badImpact.get("field").asText());
        assertEquals("target", HttpApi.problem(api.send("POST", "/api/v1/tickets/" + reference + "/transition",
                operatorToken, "{\"target\":\"NEW\"}"), 400, "cannot go from IN_PROGRESS to NEW").get("field")
                .asText());
        HttpApi.problem(api.send("POST", "/api/v1/tickets", operatorToken,
                "{\"title\":\"x\",\"impact\":2,\"urgency\":2,\"severity\":1}"), 400, "severity");
        HttpApi.problem(api.send("POST", "/api/v1/tickets", operatorToken, "{\"title\":"), 400, "");
        HttpApi.problem(api.get("/api/v1/tickets/INC-999999999", viewerToken), 404, "INC-999999999");

        JsonNode audit = HttpApi.json(api.get("/api/v1/audit?actor=" + HttpApi.q(operator.name())
                + "&action=incidents.ticket&objectId=" + HttpApi.q(reference) + "&from=" + since, auditorToken), 200);
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(r -> actions.add(r.get("action").asText()));
        assertEquals(List.of("incidents.ticket.worklog", "incidents.ticket.transition", "incidents.ticket.create"),
                actions, "newest first: " + audit);
        for (JsonNode r : audit.get("items")) {
            assertEquals(operator.name(), r.get("actor").asText());
            assertEquals(reference, r.get("objectId").asText());
        }
        HttpApi.problem(api.get("/api/v1/audit", viewerToken), 403, "security:audit:read");
    }

    @Test
    void aReadOnlyTokenCannotWriteAndNothingIsWritten(@TempDir Path repo) throws Exception {
        String title = "viewer over http " + Areas.RUN;
        HttpApi.problem(api.send("POST", "/api/v1/tickets", viewerToken,
                "{\"title\":\"" + title + "\",\"impact\":2,\"urgency\":2}"), 403, "not allowed: incidents:write");
        assertEquals(0, HttpApi.json(api.get("/api/v1/tickets?text=" + HttpApi.q(title), viewerToken), 200)
                .get("total").asLong());
        String job = "rest-http-" + Areas.RUN;
        Areas.service(Backup.class).saveJob(Areas.OPS, new JobDefinition(job, "over http", SourceKind.DATABASE, "", 0,
                "", "", List.of(), "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                Retention.KEEP_ALL, "", "", true));
        HttpApi.problem(api.send("POST", "/api/v1/backup/jobs/" + job + "/runs", viewerToken, null), 403,
                "not allowed: backup:run");
        assertEquals(0, HttpApi.json(api.get("/api/v1/backup/jobs/" + job + "/runs", viewerToken), 200).get("total")
                .asLong(), "no run started");
        HttpApi.problem(api.send("POST", "/api/v1/problems/" + HOST + "/db0/acknowledgement", viewerToken,
                "{\"comment\":\"mine\"}"), 403, "monitoring:acknowledge");
        assertEquals(200, api.get("/api/v1/cis?limit=1", viewerToken).statusCode(), "reading is allowed");
        assertEquals(200, api.get("/api/v1/changes?limit=1", viewerToken).statusCode(), "reading is allowed");
    }

    @Test
    void aCallerManagesOwnTokensOverTheApiAndARevokedOneStopsWorking() throws Exception {
        JsonNode issued = HttpApi.json(api.send("POST", "/api/v1/tokens", viewerToken,
                "{\"label\":\"from the api\",\"days\":2}"), 201);
        String secret = issued.get("secret").asText();
        String id = issued.get("token").get("id").asText();
        assertTrue(secret.startsWith("obt_" + id + "_"), issued.toString());
        JsonNode mine = HttpApi.json(api.get("/api/v1/tokens?limit=500", secret), 200);
        assertTrue(mine.toString().contains(id));
        assertTrue(!mine.toString().contains(secret.substring(17)), "no secret in a list");
        assertFalse(HttpApi.json(api.get("/api/v1/tokens?limit=500", operatorToken), 200).get("items")
                .findValuesAsText("id").contains(id), "another user's list does not show it");
        HttpApi.problem(api.send("DELETE", "/api/v1/tokens/" + id, operatorToken, null), 403, "security:admin");
        assertEquals(204, api.send("DELETE", "/api/v1/tokens/" + id, secret, null).statusCode());
        HttpApi.problem(api.get("/api/v1/tokens", secret), 401, "revoked");
        HttpApi.problem(api.send("POST", "/api/v1/tokens", viewerToken, "{\"label\":\"x\",\"days\":0}"), 400, "days");
    }

    @Test
    void changesItemsWithRelationshipsAndABackupRunAreServedAsJson(@TempDir Path repo) throws Exception {
        String tag = "rest-http-ci-" + Areas.RUN;
        Assets assets = Areas.service(Assets.class);
        ConfigurationItem app = assets.create(Areas.OPS, new CiSpec("application", tag + "-app",
                LifecycleState.DEPLOYED, Map.of("owner", "web team"), Set.of(tag), Set.of()));
        ConfigurationItem server = assets.create(Areas.OPS, new CiSpec("server", tag + "-srv",
                LifecycleState.DEPLOYED, Map.of(), Set.of(tag), Set.of()));
        assets.relate(Areas.OPS, app.id(), RelationshipKind.RUNS_ON, server.id());
        JsonNode items = HttpApi.json(api.get("/api/v1/cis?tag=" + HttpApi.q(tag) + "&type=application",
                viewerToken), 200);
        assertEquals(1, items.get("total").asLong(), items.toString());
        assertEquals("web team", items.get("items").get(0).get("attributes").get("owner").asText());
        JsonNode detail = HttpApi.json(api.get("/api/v1/cis/" + HttpApi.q(app.id()), viewerToken), 200);
        JsonNode relation = detail.get("relationships").get(0);
        assertEquals("RUNS_ON", relation.get("kind").asText());
        assertEquals(server.id(), relation.get("target").get("id").asText());
        HttpApi.problem(api.get("/api/v1/cis?lifecycle=BROKEN", viewerToken), 400, "lifecycle");

        Instant start = Instant.parse("2032-03-01T10:00:00Z").plusSeconds(Math.abs(Areas.RUN.hashCode() % 100_000));
        ChangeRequest change = Areas.service(Changes.class).create(Areas.OPS, new ChangeDraft(ChangeType.NORMAL,
                tag + " patch", "security fix", List.of(new CiRef(server.id(), server.type(), server.name())), start,
                start.plus(Duration.ofHours(1)), List.of("apt upgrade"), List.of("apt rollback"), "smoke test", ""));
        JsonNode window = HttpApi.json(api.get("/api/v1/changes?text=" + HttpApi.q(tag) + "&from="
                + start.minus(Duration.ofMinutes(30)) + "&to=" + start.plus(Duration.ofMinutes(30)), viewerToken),
                200);
        assertEquals(1, window.get("total").asLong(), window.toString());
        JsonNode shown = window.get("items").get(0);
        assertEquals(change.reference(), shown.get("reference").asText());
        assertEquals(start, Instant.parse(shown.get("plannedStart").asText()), "times are ISO-8601 text");
        assertEquals(0, HttpApi.json(api.get("/api/v1/changes?text=" + HttpApi.q(tag) + "&from="
                + start.plus(Duration.ofHours(2)), viewerToken), 200).get("total").asLong());

        String job = "rest-http-run-" + Areas.RUN;
        Areas.service(Backup.class).saveJob(Areas.OPS, new JobDefinition(job, "over http", SourceKind.DATABASE, "", 0,
                "", "", List.of(), "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                Retention.KEEP_ALL, "", "", true));
        HttpResponse<String> startRun = api.send("POST", "/api/v1/backup/jobs/" + job + "/runs", operatorToken, null);
        JsonNode started = HttpApi.json(startRun, 201);
        assertEquals("RUNNING", started.get("outcome").asText());
        long id = started.get("id").asLong();
        assertEquals("/api/v1/backup/jobs/" + job + "/runs/" + id,
                URI.create(startRun.headers().firstValue("Location").orElseThrow()).getPath());
        Areas.service(Backup.class).awaitRun(Areas.OPS, id, Duration.ofSeconds(120));
        JsonNode run = HttpApi.json(api.get("/api/v1/backup/jobs/" + job + "/runs/" + id, viewerToken), 200);
        assertEquals("SUCCEEDED", run.get("outcome").asText(), run.toString());
        assertTrue(run.get("bytes").asLong() > 0);
        assertEquals(1, HttpApi.json(api.get("/api/v1/backup/jobs/" + job + "/runs?outcome=succeeded", viewerToken),
                200).get("total").asLong());
        HttpApi.problem(api.get("/api/v1/backup/jobs/no-such-" + job + "/runs", viewerToken), 404, "no-such-");
    }
}
