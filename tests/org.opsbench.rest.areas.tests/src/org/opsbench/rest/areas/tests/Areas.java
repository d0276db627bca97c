package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.function.Executable;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.rest.ApiPrincipal;
import org.opsbench.rest.ApiProblem;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The real area services of the test runtime on the workspace's Derby database, and callers for the resources: the
 * security context the REST runtime would hand them for a principal, and users per built-in role.
 */
final class Areas {

    static final Principal OPS = Principal.system("rest-tests");
    /** A suffix of this run: the workspace database outlives a build without 'clean'. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    static final String PASSWORD = "Rest-Areas-Pass-1";
    /** A user principal nobody created: it holds no permission at all. */
    static final Principal NOBODY = Principal.user("nobody-" + RUN, "Nobody");
    private static final Map<String, Principal> USERS = new ConcurrentHashMap<>();

    private Areas() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Areas.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws Exception {
        return Services.await(context(), type, null, Duration.ofSeconds(30));
    }

    /** The security context of a request authenticated as {@code principal} by a bearer token. */
    static SecurityContext as(Principal principal) {
        ApiPrincipal caller = new ApiPrincipal(principal, ApiPrincipal.BEARER_TOKEN);
        return new SecurityContext() {
            @Override
            public java.security.Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    /** A user holding the built-in {@code role}, created once per run. */
    static Principal user(String role) throws Exception {
        Principal known = USERS.get(role);
        if (known != null) {
            return known;
        }
        String login = "rest-" + role.substring(0, 3) + "-" + RUN;
        service(IdentityAdmin.class).createUser(OPS, login, role + " " + RUN, "", PASSWORD.toCharArray(),
                Set.of(role));
        Principal p = Principal.user(login, role + " " + RUN);
        USERS.put(role, p);
        return p;
    }

    /** Asserts a 400 problem naming {@code field}. */
    static ApiProblem badRequest(String field, Executable call) {
        ApiProblem p = assertThrows(ApiProblem.class, call);
        assertEquals(400, p.status(), p.getMessage());
        assertEquals(field, p.field(), p.getMessage());
        return p;
    }

    /** Asserts that the area service refused the call (the runtime answers 403). */
    static void forbidden(Executable call) {
        assertThrows(NotAllowedException.class, call);
    }

    /** Asserts a 409 problem: the call conflicts with the current state. */
    static ApiProblem conflict(Executable call) {
        ApiProblem p = assertThrows(ApiProblem.class, call);
        assertEquals(409, p.status(), p.getMessage());
        return p;
    }

    /** The one audit record of {@code action} on {@code objectId} by {@code actor} since {@code since}. */
    static AuditRecord audited(Principal actor, String action, String objectId, Instant since) throws Exception {
        List<AuditRecord> found = service(AuditTrail.class)
                .search(OPS, new AuditQuery(since, null, actor.name(), null, objectId, 100)).stream()
                .filter(r -> r.entry().action().equals(action)).toList();
        assertEquals(1, found.size(), action + " on " + objectId + " by " + actor.name() + ": " + found);
        return found.get(0);
    }

    /** Asserts that {@code actor} changed nothing since {@code since}: the trail holds only their refusals. */
    static void notAudited(Principal actor, Instant since) throws Exception {
        List<AuditRecord> records = service(AuditTrail.class)
                .search(OPS, new AuditQuery(since, null, actor.name(), null, null, 1000));
        assertEquals(List.of(), records.stream().filter(r -> !r.entry().action().equals("security.denied"))
                .map(r -> r.entry().action() + " " + r.entry().objectId()).toList());
        assertTrue(!records.isEmpty(), "the refusals of " + actor.name() + " are audited");
    }

    /** Switches the monitoring schedule off (checks run only when a test runs them) and waits for the restart. */
    static void monitoringWithoutSchedule() throws Exception {
        ConfigurationAdmin configs = service(ConfigurationAdmin.class);
        Configuration config = configs.getConfiguration("org.opsbench.monitoring", "?");
        if (config.getProperties() != null && Boolean.FALSE.equals(config.getProperties().get("scheduling"))) {
            return;
        }
        Object before = service(org.opsbench.monitoring.Monitoring.class);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("scheduling", false);
        config.update(properties);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (service(org.opsbench.monitoring.Monitoring.class) == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the monitoring service did not restart without its schedule");
            }
            Thread.sleep(50);
        }
        assertNotNull(service(org.opsbench.monitoring.Monitoring.class));
    }
}
