package org.opsbench.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.security.Authentication;
import org.opsbench.security.Group;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.Role;
import org.opsbench.security.SecurityPermissions;
import org.opsbench.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Users, groups and roles: check, one transaction, audit, event, and the grant cache dropped. */
@Component(service = IdentityAdmin.class, configurationPid = SecurityDatabase.PID)
public final class IdentityAdminService implements IdentityAdmin {

    private final IdentityStore store;
    private final AccessControl access;
    private final PermissionCatalog catalog;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Authentication authentication;
    private final PasswordHasher hasher;
    private final int minPasswordLength;

    @Activate
    public IdentityAdminService(@Reference IdentityStore store, @Reference AccessControl access,
            @Reference PermissionCatalog catalog, @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference Authentication authentication, SecurityConfig config) {
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.authentication = authentication;
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.minPasswordLength = config.minPasswordLength();
    }

    @Override
    public List<User> users(Principal actor) {
        access.check(actor, SecurityPermissions.IDENTITY_READ);
        return store.users();
    }

    @Override
    public User createUser(Principal actor, String login, String displayName, String email, char[] password,
            Set<String> roles) {
        try {
            access.check(actor, SecurityPermissions.IDENTITY_WRITE);
            String name = name(login);
            AuthenticationService.checkStrength(password, minPasswordLength);
            if (store.user(name).isPresent()) {
                throw new IllegalArgumentException("the user exists already: " + name);
            }
            store.insertUser(name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    email == null ? "" : email.strip(), hasher.hash(password), names(roles));
            return changed(actor, "security.user.create", "user", name, "created user " + name + " with roles "
                    + new TreeSet<>(roles), () -> store.user(name).orElseThrow().user());
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    @Override
    public User updateUser(Principal actor, String login, String displayName, String email) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        String name = existing(login);
        store.updateUser(name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                email == null ? "" : email.strip());
        return changed(actor, "security.user.update", "user", name, "changed name or e-mail of " + name,
                () -> store.user(name).orElseThrow().user());
    }

    @Override
    public void resetPassword(Principal actor, String login, char[] password) {
        try {
            access.check(actor, SecurityPermissions.IDENTITY_WRITE);
            String name = existing(login);
            AuthenticationService.checkStrength(password, minPasswordLength);
            store.setPasswordHash(name, hasher.hash(password));
            if (authentication instanceof AuthenticationService service) {
                service.unlock(name);
            }
            changed(actor, "security.password.reset", "user", name, "reset the password of " + name, () -> null);
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    @Override
    public void setEnabled(Principal actor, String login, boolean enabled) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        String name = existing(login);
        if (!enabled && name.equals(actor.name())) {
            throw new IllegalArgumentException("you cannot disable your own account");
        }
        store.setEnabled(name, enabled);
        changed(actor, enabled ? "security.user.enable" : "security.user.disable", "user", name,
                (enabled ? "enabled " : "disabled ") + name, () -> null);
    }

    @Override
    public boolean deleteUser(Principal actor, String login) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        String name = name(login);
        if (name.equals(actor.name())) {
            throw new IllegalArgumentException("you cannot delete your own account");
        }
        boolean deleted = store.deleteUser(name);
        if (deleted) {
            changed(actor, "security.user.delete", "user", name, "deleted user " + name, () -> null);
        }
        return deleted;
    }

    @Override
    public void setUserRoles(Principal actor, String login, Set<String> roles) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        String name = existing(login);
        Set<String> before = store.user(name).orElseThrow().user().roles();
        store.setUserRoles(name, names(roles));
        changed(actor, "security.user.roles", "user", name, "set the roles of " + name,
                new AuditEntry(actor, "values", null, null, null, new TreeSet<>(before).toString(),
                        new TreeSet<>(names(roles)).toString()));
    }

    @Override
    public List<Group> groups(Principal actor) {
        access.check(actor, SecurityPermissions.IDENTITY_READ);
        return store.groups();
    }

    @Override
    public Group saveGroup(Principal actor, Group group) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        Group clean = new Group(name(group.name()), group.description(), names(group.roles()), names(group.members()));
        store.saveGroup(clean);
        return changed(actor, "security.group.save", "group", clean.name(), "saved group " + clean.name()
                + " roles " + new TreeSet<>(clean.roles()) + " members " + new TreeSet<>(clean.members()),
                () -> clean);
    }

    @Override
    public boolean deleteGroup(Principal actor, String name) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        boolean deleted = store.deleteGroup(name(name));
        if (deleted) {
            changed(actor, "security.group.delete", "group", name(name), "deleted group " + name(name), () -> null);
        }
        return deleted;
    }

    @Override
    public List<Role> roles(Principal actor) {
        access.check(actor, SecurityPermissions.IDENTITY_READ);
        List<PermissionDeclaration> declarations = catalog.declarations();
        return store.roles().stream().map(r -> r.builtIn()
                ? new Role(r.name(), r.description(),
                        builtInPermissions(r.name(), declarations), true)
                : r).toList();
    }

    private static Set<String> builtInPermissions(String role, List<PermissionDeclaration> declarations) {
        boolean admin = role.equals(BuiltInRole.ADMINISTRATOR.roleName());
        Set<String> result = new TreeSet<>();
        for (PermissionDeclaration d : declarations) {
            if (admin || d.grantedTo().stream().anyMatch(r -> r.roleName().equals(role))) {
                result.add(d.permission());
            }
        }
        return result;
    }

    @Override
    public Role saveRole(Principal actor, Role role) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        String name = name(role.name());
        for (BuiltInRole b : BuiltInRole.values()) {
            if (b.roleName().equals(name)) {
                throw new IllegalArgumentException("a built-in role cannot be changed: " + name);
            }
        }
        Role clean = new Role(name, role.description(), role.permissions(), false);
        store.saveRole(clean);
        return changed(actor, "security.role.save", "role", name, "saved role " + name + " with permissions "
                + new TreeSet<>(clean.permissions()), () -> clean);
    }

    @Override
    public boolean deleteRole(Principal actor, String name) {
        access.check(actor, SecurityPermissions.IDENTITY_WRITE);
        boolean deleted = store.deleteRole(name(name));
        if (deleted) {
            changed(actor, "security.role.delete", "role", name(name), "deleted role " + name(name), () -> null);
        }
        return deleted;
    }

    @Override
    public List<PermissionDeclaration> declaredPermissions(Principal actor) {
        access.check(actor, SecurityPermissions.IDENTITY_READ);
        return catalog.declarations();
    }

    @Override
    public Set<String> effectivePermissions(Principal actor, String login) {
        access.check(actor, SecurityPermissions.IDENTITY_READ);
        return new TreeSet<>(catalog.effective(name(login)));
    }

    private <T> T changed(Principal actor, String action, String type, String id, String summary, Supplier<T> result) {
        changed(actor, action, type, id, summary, (AuditEntry) null);
        return result.get();
    }

    private void changed(Principal actor, String action, String type, String id, String summary, AuditEntry values) {
        catalog.invalidate();
        audit.append(new AuditEntry(actor, action, type, id, summary, values == null ? null : values.before(),
                values == null ? null : values.after()));
        events.postEvent(new Event(Topics.SECURITY_IDENTITY_CHANGED, Map.of(EventProperties.PRINCIPAL, actor.name(),
                EventProperties.SUMMARY, summary, EventProperties.TIMESTAMP, System.currentTimeMillis())));
    }

    private String existing(String login) {
        String name = name(login);
        if (store.user(name).isEmpty()) {
            throw new IllegalArgumentException("no such user: " + name);
        }
        return name;
    }

    private static Set<String> names(Set<String> names) {
        Set<String> result = new TreeSet<>();
        for (String n : names) {
            result.add(name(n));
        }
        return result;
    }

    private static String name(String name) {
        String n = AuthenticationService.normalize(name);
        if (!n.matches("[a-z0-9][a-z0-9._@-]{0,99}")) {
            throw new IllegalArgumentException("names are letters, digits and . _ @ -, was: " + name);
        }
        return n;
    }
}
