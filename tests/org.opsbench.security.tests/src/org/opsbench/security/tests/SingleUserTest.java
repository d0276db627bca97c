package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.Authentication;
import org.opsbench.security.SecurityPermissions;

/** A single-user workspace: the named local administrator, without login, recorded as such. */
class SingleUserTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime(true);

    @Test
    void theLocalAdministratorActsWithoutLoginAndIsAuditedUnderItsOwnName() throws Exception {
        Principal local = RUNTIME.service(Authentication.class).localAdministrator().orElseThrow();
        assertEquals("local:" + System.getProperty("user.name"), local.name());
        AccessControl access = RUNTIME.service(AccessControl.class);
        assertTrue(access.isAllowed(local, SecurityPermissions.IDENTITY_WRITE));
        assertTrue(RUNTIME.service(AuditTrail.class)
                .search(local, new AuditQuery(null, null, local.name(), null, null, 0)).stream()
                .anyMatch(r -> r.entry().action().equals("security.login.local")));
    }
}
