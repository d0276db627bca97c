package org.opsbench.security.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.BuiltInRole;
import org.opsbench.core.security.PermissionDeclaration;
import org.opsbench.core.security.PermissionSet;
import org.opsbench.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Role-based access control. A user's permissions are the union over its roles (direct and through groups): a built-in
 * role holds the declarations that name it (the administrator holds everything), a custom role its stored permissions.
 * Refusals are audited ({@code security.denied}) and posted.
 */
@Component(service = {AccessControl.class, PermissionCatalog.class}, configurationPid = SecurityDatabase.PID)
public final class AccessControlService implements AccessControl, PermissionCatalog {

    private final IdentityStore store;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Authorizer authorizer;
    private final List<PermissionSet> sets = new CopyOnWriteArrayList<>();
    private volatile Map<String, PermissionDeclaration> declared = Map.of();

    @Activate
    public AccessControlService(@Reference IdentityStore store, @Reference AuditLog audit,
            @Reference EventAdmin events, @Reference SecurityDatabase database, SecurityConfig config) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.authorizer = new Authorizer(this::grants, this::denied);
        // the same decision as the login's (which logs it): only a workspace's own embedded database
        authorizer.localAdministrator(
                LocalAdministrator.allowed(config.singleUser(), database.dataSource(), m -> {
                }) ? LocalAdministrator.name() : null);
        redeclare();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(PermissionSet set) {
        sets.add(set);
        redeclare();
    }

    void removePermissionSet(PermissionSet set) {
        sets.remove(set);
        redeclare();
    }

    private void redeclare() {
        Map<String, PermissionDeclaration> all = new TreeMap<>();
        for (PermissionSet set : sets) {
            for (PermissionDeclaration d : set.permissions()) {
                all.putIfAbsent(d.permission(), d);
            }
        }
        declared = Map.copyOf(all);
        if (authorizer != null) {
            authorizer.invalidate();
        }
    }

    @Override
    public void check(Principal principal, String permission) {
        authorizer.check(principal, permission);
    }

    @Override
    public boolean isAllowed(Principal principal, String permission) {
        return authorizer.isAllowed(principal, permission);
    }

    @Override
    public List<PermissionDeclaration> declarations() {
        return List.copyOf(new TreeMap<>(declared).values());
    }

    @Override
    public Set<String> effective(String login) {
        Authorizer.Grants g = grants(login);
        return g.all() ? Set.copyOf(declared.keySet()) : g.permissions();
    }

    @Override
    public void invalidate() {
        authorizer.invalidate();
    }

    private Authorizer.Grants grants(String login) {
        Set<String> permissions = new HashSet<>();
        for (Role role : store.rolesOf(login)) {
            if (!role.builtIn()) {
                permissions.addAll(role.permissions());
                continue;
            }
            if (role.name().equals(BuiltInRole.ADMINISTRATOR.roleName())) {
                return new Authorizer.Grants(true, Set.of());
            }
            for (PermissionDeclaration d : declared.values()) {
                if (d.grantedTo().stream().anyMatch(r -> r.roleName().equals(role.name()))) {
                    permissions.add(d.permission());
                }
            }
        }
        return new Authorizer.Grants(false, Set.copyOf(permissions));
    }

    private void denied(Principal principal, String permission) {
        audit.append(AuditEntry.of(principal, "security.denied", "permission", permission,
                "not allowed: " + permission));
        events.postEvent(new Event(Topics.SECURITY_ACCESS_DENIED, Map.of(EventProperties.PRINCIPAL, principal.name(),
                EventProperties.REASON, "not allowed: " + permission, EventProperties.TIMESTAMP,
                System.currentTimeMillis())));
    }
}
