package org.opsbench.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.security.Authentication;
import org.opsbench.security.LoginException;
import org.opsbench.security.LoginFailure;
import org.opsbench.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Logins with lock-out; creates the {@code admin} account on first start. Immediate, so that the first start of a
 * workspace writes the initial password file even before anyone asks to log in (a headless server's administrator reads
 * it before the first login).
 */
@Component(service = Authentication.class, configurationPid = SecurityDatabase.PID, immediate = true)
@Designate(ocd = SecurityConfig.class)
public final class AuthenticationService implements Authentication {

    private static final Principal SELF = Principal.system("security");

    private final IdentityStore store;
    private final AuditLog audit;
    private final EventAdmin events;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Path folder;
    private final boolean singleUser;
    private final int minPasswordLength;

    @Activate
    public AuthenticationService(@Reference SecurityDatabase database, @Reference IdentityStore store,
            @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference(service = LoggerFactory.class) Logger log, SecurityConfig config) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.throttle = new LoginThrottle(Clock.systemUTC(), config.maxFailedLogins(),
                Duration.ofSeconds(config.lockoutSeconds()));
        this.folder = database.folder();
        this.singleUser = LocalAdministrator.allowed(config.singleUser(), database.dataSource(), log::error);
        this.minPasswordLength = config.minPasswordLength();
        bootstrap(log);
    }

    private void bootstrap(Logger log) {
        if (store.countUsers() > 0) {
            return;
        }
        char[] password = InitialAdmin.randomPassword();
        try {
            Path file = InitialAdmin.write(folder, password);
            store.insertUser(InitialAdmin.LOGIN, "Administrator", "", hasher.hash(password),
                    Set.of(BuiltInRole.ADMINISTRATOR.roleName()));
            audit.append(AuditEntry.of(SELF, "security.user.create", "user", InitialAdmin.LOGIN,
                    "first start: created the administrator account"));
            log.warn("First start: created the user 'admin'. Its initial password is in " + file
                    + " (readable by the owner only); log in and change it, which deletes the file.");
        } catch (IOException | IllegalStateException e) {
            // another process created it first, or the workspace is not writable: no admin without its file
            log.error("Could not create the initial administrator: " + e.getMessage());
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    @Override
    public Principal login(String login, char[] password) throws LoginException {
        try {
            String name = normalize(login);
            User user = verify(name, password);
            store.touchLogin(name, Instant.now());
            Principal principal = Principal.user(user.login(), user.displayName());
            audit.append(AuditEntry.of(principal, "security.login", "user", name, "logged in"));
            post(Topics.SECURITY_LOGIN, principal.name(), "login");
            return principal;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    @Override
    public void changePassword(String login, char[] oldPassword, char[] newPassword) throws LoginException {
        try {
            String name = normalize(login);
            User user = verify(name, oldPassword);
            checkStrength(newPassword, minPasswordLength);
            store.setPasswordHash(name, hasher.hash(newPassword));
            Principal principal = Principal.user(user.login(), user.displayName());
            audit.append(AuditEntry.of(principal, "security.password.change", "user", name, "changed own password"));
            post(Topics.SECURITY_IDENTITY_CHANGED, principal.name(), "password changed");
            if (InitialAdmin.LOGIN.equals(name)) {
                InitialAdmin.delete(folder);
            }
        } catch (IOException e) {
            throw new IllegalStateException("password changed, but the initial password file could not be deleted: "
                    + e.getMessage());
        } finally {
            PasswordHasher.wipe(oldPassword);
            PasswordHasher.wipe(newPassword);
        }
    }

    private User verify(String name, char[] password) throws LoginException {
        Instant locked = throttle.lockedUntil(name);
        if (locked != null) {
            refuse(new LoginFailure.Locked(locked));
        }
        Optional<IdentityStore.StoredUser> found = store.user(name);
        boolean matches;
        if (found.isPresent()) {
            matches = hasher.matches(password, found.get().passwordHash());
        } else {
            hasher.waste(password);
            matches = false;
        }
        if (!matches) {
            Instant until = throttle.failed(name);
            audit.append(AuditEntry.of(SELF, "security.login.failed", "user", null,
                    until == null ? "failed login" : "failed login; the login is locked until " + until));
            refuse(until == null ? new LoginFailure.InvalidCredentials() : new LoginFailure.Locked(until));
        }
        throttle.succeeded(name);
        User user = found.get().user();
        if (!user.enabled()) {
            refuse(new LoginFailure.Disabled());
        }
        return user;
    }

    private void refuse(LoginFailure failure) throws LoginException {
        LoginException e = new LoginException(failure);
        post(Topics.SECURITY_LOGIN_FAILED, null, e.getMessage());
        throw e;
    }

    @Override
    public Optional<Principal> localAdministrator() {
        if (!singleUser) {
            return Optional.empty();
        }
        Principal local = LocalAdministrator.principal();
        audit.append(AuditEntry.of(local, "security.login.local", "user", local.name(),
                "single-user workspace: acting as the local administrator without login"));
        return Optional.of(local);
    }

    @Override
    public void logout(Principal principal) {
        audit.append(AuditEntry.of(principal, "security.logout", "user", principal.name(), "logged out"));
    }

    /** Resets the lock-out of {@code login} (after an administrator set a new password). */
    void unlock(String login) {
        throttle.succeeded(normalize(login));
    }

    static void checkStrength(char[] password, int minLength) {
        if (password == null || password.length < minLength) {
            throw new IllegalArgumentException("a password needs at least " + minLength + " characters");
        }
    }

    static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private void post(String topic, String principal, String reason) {
        Map<String, Object> properties = new java.util.HashMap<>();
        if (principal != null) {
            properties.put(EventProperties.PRINCIPAL, principal);
        }
        properties.put(EventProperties.REASON, reason);
        properties.put(EventProperties.TIMESTAMP, System.currentTimeMillis());
        events.postEvent(new Event(topic, properties));
    }
}
