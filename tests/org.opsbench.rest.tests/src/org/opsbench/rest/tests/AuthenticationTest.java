package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.security.IdentityAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The auth matrix over real HTTP: no, bad, expired and revoked tokens, wrong role, sessions. */
class AuthenticationTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime();
    private final Http http = new Http(RUNTIME);

    private static void assertProblem(HttpResponse<String> r, int status, String detailPart) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = Http.json(r);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("detail").asText().contains(detailPart), body.toString());
        assertFalse(r.body().contains("Exception"), "no exception names in " + r.body());
    }

    @Test
    void aCallWithoutTokenIsRefusedWith401AndAChallenge() throws Exception {
        HttpResponse<String> r = http.get("/api/v1/probes", null);
        assertProblem(r, 401, "authentication required");
        assertEquals("Bearer realm=\"opsbench\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("/api/v1/probes", Http.json(r).get("instance").asText());
    }

    @Test
    void onlyLivenessAndReadinessAreAnonymous() throws Exception {
        assertEquals(200, http.get("/health/live", null).statusCode());
        HttpResponse<String> ready = http.get("/health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertFalse(Http.json(ready).get("checks").get("database").has("detail"), "no details anonymously");
        assertProblem(http.get("/metrics", null), 401, "authentication required");
        assertProblem(http.get("/api/v1/openapi.json", null), 401, "authentication required");
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        assertProblem(http.get("/api/v1/probes", "obt_nothing_here"), 401, "unknown API token");
        assertProblem(http.get("/api/v1/probes", "obs_no-such-session"), 401, "session has ended");
    }

    @Test
    void aMalformedAuthorizationHeaderIsRefused() throws Exception {
        HttpResponse<String> r = http.send(http.request("/api/v1/probes", null).header("Authorization", "Basic eDp5")
                .GET().build());
        assertProblem(r, 401, "Bearer <token>");
    }

    @Test
    void aValidTokenActsAsItsUserUntilRevoked() throws Exception {
        String token = RUNTIME.tokens().issue("operator1");
        HttpResponse<String> created = http.send("POST", "/api/v1/probes", token,
                "{\"name\":\"by token\",\"intervalSeconds\":30,\"kind\":\"PING\",\"tags\":[]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("operator1", Http.json(created).get("createdBy").asText(), "the call ran as the token's user");
        RUNTIME.tokens().revoke(token);
        assertProblem(http.get("/api/v1/probes", token), 401, "revoked");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = RUNTIME.tokens().issue("operator1");
        assertEquals(200, http.get("/api/v1/probes", token).statusCode(), "valid before its expiry");
        RUNTIME.tokens().expire(token);
        assertProblem(http.get("/api/v1/probes", token), 401, "expired");
    }

    @Test
    void aTokenOfADisabledUserIsRefused() throws Exception {
        String token = RUNTIME.tokens().issue("viewer1");
        assertEquals(200, http.get("/api/v1/probes", token).statusCode());
        IdentityAdmin identities = RUNTIME.service(IdentityAdmin.class);
        identities.setEnabled(RUNTIME.admin(), "viewer1", false);
        try {
            assertProblem(http.get("/api/v1/probes", token), 401, "disabled");
        } finally {
            identities.setEnabled(RUNTIME.admin(), "viewer1", true);
        }
    }

    @Test
    void aTokenOfTheWrongRoleGets403FromTheAreaService() throws Exception {
        String viewer = RUNTIME.tokens().issue("viewer1");
        assertProblem(http.send("POST", "/api/v1/probes", viewer,
                "{\"name\":\"no\",\"intervalSeconds\":30,\"kind\":\"PING\"}"), 403, "not allowed");
        assertProblem(http.get("/api/v1/audit", viewer), 403, "not allowed");
        HttpResponse<String> asAdmin = http.get("/api/v1/audit", RUNTIME.tokens().issue("admin"));
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
    }

    @Test
    void aUserWithoutThePermissionGets403FromTheServiceCheck() throws Exception {
        String viewer = http.session("viewer1");
        assertEquals(200, http.get("/api/v1/probes", viewer).statusCode(), "reading needs no permission here");
        assertProblem(http.send("POST", "/api/v1/probes", viewer,
                "{\"name\":\"no\",\"intervalSeconds\":30,\"kind\":\"PING\"}"), 403, "not allowed: server:metrics");
        assertProblem(http.get("/metrics", viewer), 403, "not allowed: server:metrics");
        String operator = http.session("operator1");
        HttpResponse<String> metrics = http.get("/metrics", operator);
        assertEquals(200, metrics.statusCode(), metrics.body());
    }

    @Test
    void aSessionWorksUntilLogout() throws Exception {
        HttpResponse<String> login = http.send("POST", "/api/v1/session", null,
                "{\"login\":\"operator1\",\"password\":\"" + RestRuntime.PASSWORD + "\"}");
        assertEquals(201, login.statusCode(), login.body());
        JsonNode session = Http.json(login);
        assertEquals("operator1", session.get("login").asText());
        assertTrue(session.get("idleTimeoutSeconds").asLong() > 0);
        String token = session.get("token").asText();
        assertEquals(200, http.get("/api/v1/probes", token).statusCode());
        HttpResponse<String> ready = http.get("/health/ready", token);
        assertTrue(Http.json(ready).get("checks").get("database").has("detail"), "details with credentials");
        assertEquals(204, http.send("DELETE", "/api/v1/session", token, null).statusCode());
        assertProblem(http.get("/api/v1/probes", token), 401, "session has ended");
        assertProblem(http.send("DELETE", "/api/v1/session", token, null), 401, "session has ended");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/v1/session", null,
                "{\"login\":\"viewer1\",\"password\":\"wrong-password\"}");
        assertProblem(r, 401, "wrong login or password");
        HttpResponse<String> unknown = http.send("POST", "/api/v1/session", null,
                "{\"login\":\"nobody-at-all\",\"password\":\"wrong-password\"}");
        assertProblem(unknown, 401, "wrong login or password");
    }

    @Test
    void aLoginBodyMustNameLoginAndPassword() throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/v1/session", null, "{\"login\":\"viewer1\"}");
        assertProblem(r, 400, "password is required");
        assertEquals("password", Http.json(r).get("field").asText());
        HttpResponse<String> extra = http.send("POST", "/api/v1/session", null,
                "{\"login\":\"viewer1\",\"password\":\"x\",\"otp\":1}");
        assertProblem(extra, 400, "unknown field 'otp'");
    }
}
