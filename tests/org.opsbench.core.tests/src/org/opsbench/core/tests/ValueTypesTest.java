package org.opsbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.Secret;
import org.opsbench.core.spi.Health;

class ValueTypesTest {

    @Test
    void blankCiIdIsRefusedWithTheFieldName() {
        var error = assertThrows(IllegalArgumentException.class, () -> new CiRef(" ", "host", "web1"));
        assertEquals("CiRef.id must not be blank", error.getMessage());
    }

    @Test
    void systemPrincipalIsNamedAfterItsComponent() {
        Principal p = Principal.system("scheduler");
        assertEquals("system:scheduler", p.name());
        assertEquals(Principal.Kind.SYSTEM, p.kind());
    }

    @Test
    void userPrincipalWithoutDisplayNameShowsItsLogin() {
        assertEquals("alice", Principal.user("alice", null).displayName());
    }

    @Test
    void severitiesOrderFromInfoToCritical() {
        assertTrue(Severity.CRITICAL.isWorseThan(Severity.MAJOR));
        assertFalse(Severity.INFO.isWorseThan(Severity.INFO));
        assertEquals(Severity.MAJOR, Severity.worst(Severity.WARNING, Severity.MAJOR));
    }

    @Test
    void nagiosExitCodesMapToHealth() {
        assertEquals(Health.OK, Health.ofExitCode(0));
        assertEquals(Health.WARNING, Health.ofExitCode(1));
        assertEquals(Health.CRITICAL, Health.ofExitCode(2));
        assertEquals(Health.UNKNOWN, Health.ofExitCode(3));
        assertEquals(Health.UNKNOWN, Health.ofExitCode(127));
        assertEquals(2, Health.CRITICAL.exitCode());
    }

    @Test
    void notAllowedNamesThePermission() {
        var e = new NotAllowedException(Principal.user("bob", "Bob"), "incidents:write");
        assertEquals("not allowed: incidents:write", e.getMessage());
    }

    @Test
    void secretNeverRendersItsValueAndIsWipedOnDestroy() {
        Secret secret = Secret.ofChars("db", "hunter2".toCharArray());
        assertEquals("Secret[db, ****]", secret.toString());
        assertArrayEquals("hunter2".toCharArray(), secret.chars());
        secret.destroy();
        assertTrue(secret.isDestroyed());
        assertThrows(IllegalStateException.class, secret::bytes);
    }
}
