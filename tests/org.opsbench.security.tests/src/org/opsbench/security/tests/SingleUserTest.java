package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.Authentication;
import org.opsbench.security.SecurityPermissions;
import org.opsbench.testing.PostgresSuite;

/**
 * A single-user workspace: the named local administrator, without login, recorded as such; on a shared database (the
 * PostgreSQL run) the setting is refused and the login stays.
 */
class SingleUserTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime(true);

    @Test
    void theLocalAdministratorActsWithoutLoginOnTheWorkspaceDatabaseOnly() throws Exception {
        if (PostgresSuite.server() != null) {
            aSharedDatabaseRefusesTheSingleUserSettingAndKeepsTheLogin();
            return;
        }
        Principal local = RUNTIME.service(Authentication.class).localAdministrator().orElseThrow();
        assertEquals("local:" + System.getProperty("user.name"), local.name());
        AccessControl access = RUNTIME.service(AccessControl.class);
        assertTrue(access.isAllowed(local, SecurityPermissions.IDENTITY_WRITE));
        assertTrue(RUNTIME.service(AuditTrail.class)
                .search(local, new AuditQuery(null, null, local.name(), null, null, 0)).stream()
                .anyMatch(r -> r.entry().action().equals("security.login.local")));
    }

    /** The PostgreSQL run of the same test. */
    private static void aSharedDatabaseRefusesTheSingleUserSettingAndKeepsTheLogin() throws Exception {
        assertTrue(RUNTIME.service(Authentication.class).localAdministrator().isEmpty(),
                "no login-free administrator on a shared database");
        Principal local = Principal.user("local:" + System.getProperty("user.name"), "Local administrator");
        assertFalse(RUNTIME.service(AccessControl.class).isAllowed(local, SecurityPermissions.IDENTITY_WRITE),
                "the local administrator's name grants nothing there");
    }
}
