package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failed logins and tokens from one address are limited: 429 with Retry-After, even for right credentials. */
class RateLimitTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime(Map.of("maxFailures", 4, "failureWindowSeconds", 600));
    private final Http http = new Http(RUNTIME);

    @Test
    void repeatedFailuresFromOneAddressGet429WithRetryAfter() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(401, http.get("/api/v1/probes", "obt_guess_" + i).statusCode());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(401, http.send("POST", "/api/v1/session", null,
                    "{\"login\":\"nobody" + i + "\",\"password\":\"guess\"}").statusCode());
        }
        HttpResponse<String> limited = http.get("/api/v1/probes", "obt_guess_more");
        assertEquals(429, limited.statusCode(), limited.body());
        long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retry > 0 && retry <= 601, "Retry-After " + retry);
        assertEquals(429, Http.json(limited).get("status").asInt());
        HttpResponse<String> rightPassword = http.send("POST", "/api/v1/session", null,
                "{\"login\":\"operator1\",\"password\":\"" + RestRuntime.PASSWORD + "\"}");
        assertEquals(429, rightPassword.statusCode(), "the address is limited whatever it sends");
        assertEquals(200, http.get("/health/live", null).statusCode(), "liveness is never limited");
    }
}
