package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.function.Executable;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.rest.ApiPrincipal;
import org.opsbench.rest.ApiProblem;
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
