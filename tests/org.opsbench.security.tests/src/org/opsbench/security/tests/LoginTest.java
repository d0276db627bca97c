package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.security.Authentication;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.LoginException;
import org.opsbench.security.LoginFailure;

/** Initial admin, password hashes, lock-out, disabled accounts. */
class LoginTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    @Test
    void firstStartWritesARandomAdminPasswordIntoAnOwnerOnlyFileThatAPasswordChangeDeletes() throws Exception {
        Path file = RUNTIME.securityFolder().resolve("initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String initial = Files.readString(file);
        assertTrue(initial.length() >= 20, "a long random password");
        Principal admin = RUNTIME.admin();
        assertEquals("admin", admin.name());

        Authentication auth = RUNTIME.service(Authentication.class);
        auth.changePassword("admin", initial.toCharArray(), "Another-Secret-42".toCharArray());

        assertFalse(Files.exists(file), "the initial password file is deleted");
        assertThrows(LoginException.class, () -> auth.login("admin", initial.toCharArray()));
        assertEquals("admin", auth.login("admin", "Another-Secret-42".toCharArray()).name());
        // back, for the other tests of this class
        auth.changePassword("admin", "Another-Secret-42".toCharArray(), initial.toCharArray());
        Files.writeString(file, initial);
    }

    @Test
    void twoUsersWithTheSamePasswordGetDifferentHashes() throws Exception {
        IdentityAdmin admin = RUNTIME.service(IdentityAdmin.class);
        Principal root = RUNTIME.admin();
        admin.createUser(root, "twin1", "Twin One", "", "Same-Password-1".toCharArray(), Set.of("viewer"));
        admin.createUser(root, "twin2", "Twin Two", "", "Same-Password-1".toCharArray(), Set.of("viewer"));

        List<String> hashes = new ArrayList<>();
        try (Connection c = RUNTIME.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT PASSWORD_HASH FROM SECURITY_USER WHERE LOGIN IN ('twin1', 'twin2')");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        assertEquals(2, hashes.size());
        assertNotEquals(hashes.get(0), hashes.get(1));
        for (String h : hashes) {
            assertTrue(h.startsWith("pbkdf2-sha256$10000$"), h);
            assertFalse(h.contains("Same-Password-1"));
        }
        Authentication auth = RUNTIME.service(Authentication.class);
        assertEquals("twin1", auth.login("twin1", "Same-Password-1".toCharArray()).name());
        assertEquals("twin2", auth.login("Twin2 ", "Same-Password-1".toCharArray()).name());
    }

    @Test
    void repeatedFailuresLockTheLoginUntilTheDelayEnds() throws Exception {
        RUNTIME.service(IdentityAdmin.class).createUser(RUNTIME.admin(), "locky", "Locky", "",
                "Right-Password-1".toCharArray(), Set.of("operator"));
        Authentication auth = RUNTIME.service(Authentication.class);
        for (int i = 0; i < 2; i++) {
            LoginException e = assertThrows(LoginException.class, () -> auth.login("locky", "wrong".toCharArray()));
            assertInstanceOf(LoginFailure.InvalidCredentials.class, e.failure());
        }
        LoginException third = assertThrows(LoginException.class, () -> auth.login("locky", "wrong".toCharArray()));
        Instant until = assertInstanceOf(LoginFailure.Locked.class, third.failure()).until();

        LoginException locked = assertThrows(LoginException.class,
                () -> auth.login("locky", "Right-Password-1".toCharArray()));
        assertInstanceOf(LoginFailure.Locked.class, locked.failure(), "even the right password waits");

        while (Instant.now().isBefore(until.plusMillis(100))) {
            Thread.sleep(100);
        }
        assertEquals("locky", auth.login("locky", "Right-Password-1".toCharArray()).name());
    }

    @Test
    void anUnknownLoginFailsAndLocksLikeAWrongPassword() throws Exception {
        Authentication auth = RUNTIME.service(Authentication.class);
        LoginException e = assertThrows(LoginException.class, () -> auth.login("nobody", "x".toCharArray()));
        assertInstanceOf(LoginFailure.InvalidCredentials.class, e.failure());
        assertEquals("wrong login or password", e.getMessage());
        assertThrows(LoginException.class, () -> auth.login("nobody", "x".toCharArray()));
        LoginException third = assertThrows(LoginException.class, () -> auth.login("nobody", "x".toCharArray()));
        assertInstanceOf(LoginFailure.Locked.class, third.failure());
    }

    @Test
    void aDisabledAccountIsOnlyReportedToWhoeverKnowsItsPassword() throws Exception {
        IdentityAdmin admin = RUNTIME.service(IdentityAdmin.class);
        Principal root = RUNTIME.admin();
        admin.createUser(root, "gone", "Gone", "", "Gone-Password-1".toCharArray(), Set.of("viewer"));
        admin.setEnabled(root, "gone", false);
        Authentication auth = RUNTIME.service(Authentication.class);

        assertInstanceOf(LoginFailure.InvalidCredentials.class,
                assertThrows(LoginException.class, () -> auth.login("gone", "nope".toCharArray())).failure());
        assertInstanceOf(LoginFailure.Disabled.class, assertThrows(LoginException.class,
                () -> auth.login("gone", "Gone-Password-1".toCharArray())).failure());
    }

    @Test
    void aMultiUserWorkspaceHasNoLocalAdministrator() throws Exception {
        assertTrue(RUNTIME.service(Authentication.class).localAdministrator().isEmpty());
    }

    @Test
    void passwordArraysAreWipedAfterLogin() throws Exception {
        char[] password = Files.readString(RUNTIME.securityFolder().resolve("initial-admin-password")).toCharArray();
        RUNTIME.service(Authentication.class).login("admin", password);
        for (char ch : password) {
            assertEquals('\0', ch);
        }
    }
}
