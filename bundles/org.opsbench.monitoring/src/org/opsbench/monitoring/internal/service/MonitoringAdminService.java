package org.opsbench.monitoring.internal.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Notifier;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.MonitoringPermissions;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.monitoring.internal.store.ConfigStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link MonitoringAdmin}: permission check, validation, one JPA transaction, audit record with before and after, then
 * the running engine and schedule follow.
 */
@Component(service = MonitoringAdmin.class)
public final class MonitoringAdminService implements MonitoringAdmin {

    private final MonitoringRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;

    // the assets area, when installed, confirms CI references; without it they are kept as given
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    /** With the runtime and the security core. */
    @Activate
    public MonitoringAdminService(@Reference MonitoringRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
    }

    private ConfigStore store() {
        return runtime.config();
    }

    @Override
    public List<HostDefinition> hosts(Principal caller) {
        access.check(caller, MonitoringPermissions.READ);
        return store().load(runtime.clock().instant()).hosts();
    }

    @Override
    public Optional<HostDefinition> host(Principal caller, String name) {
        access.check(caller, MonitoringPermissions.READ);
        return runtime.engine().host(name);
    }

    @Override
    public void saveHost(Principal caller, HostDefinition host) {
        access.check(caller, MonitoringPermissions.WRITE);
        runtime.edit(() -> {
            Validation.host(host);
            CheckType hostCheck = runtime.checkTypes().get(host.hostCheck());
            if (hostCheck == null) {
                throw new InvalidDefinitionException("hostCheck",
                        "no check type '" + host.hostCheck() + "' is installed");
            }
            Validation.parameters("hostCheckParameters", host.hostCheckParameters(), hostCheck);
            ConfigurationItems cmdb = items;
            if (host.ciId() != null && cmdb != null && cmdb.resolve(host.ciId()).isEmpty()) {
                throw new InvalidDefinitionException("ciId", "no configuration item '" + host.ciId() + "'");
            }
            for (String parent : host.parents()) {
                if (runtime.engine().host(parent).isEmpty()) {
                    throw new InvalidDefinitionException("parents", "no host '" + parent + "'");
                }
                if (reaches(parent, host.name())) {
                    throw new InvalidDefinitionException("parents",
                            "'" + parent + "' is reached through '" + host.name() + "': that would be a cycle");
                }
            }
            Optional<HostDefinition> before = store().saveHost(host);
            audit.append(new AuditEntry(caller,
                    before.isPresent() ? "monitoring.host.update" : "monitoring.host.create",
                    "monitoring-host", host.name(), (before.isPresent() ? "changed" : "added") + " host " + host.name(),
                    before.map(Object::toString).orElse(null), host.toString()));
            runtime.engine().putHost(host);
            runtime.rescheduleHost(host.name(), runtime.engine().checksOf(host.name()));
            return null;
        });
    }

    /** Whether {@code from} has {@code target} among its parents, transitively. */
    private boolean reaches(String from, String target) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String h = todo.pop();
            if (h.equals(target)) {
                return true;
            }
            if (seen.add(h)) {
                runtime.engine().host(h).ifPresent(d -> todo.addAll(d.parents()));
            }
        }
        return false;
    }

    @Override
    public boolean deleteHost(Principal caller, String name) {
        access.check(caller, MonitoringPermissions.WRITE);
        return runtime.edit(() -> {
            List<String> children = runtime.engine().hostsBehind(name);
            if (!children.isEmpty()) {
                throw new InvalidDefinitionException("parents",
                        "hosts " + children + " are reached through " + name + ": change them first");
            }
            List<CheckDefinition> checks = runtime.engine().checksOf(name);
            Optional<HostDefinition> running = runtime.engine().host(name);
            // out of the engine first, and pending rows written, so no late state row outlives the delete
            runtime.engine().removeHost(name);
            runtime.writeNow();
            Optional<HostDefinition> gone;
            try {
                gone = store().deleteHost(name);
            } catch (RuntimeException e) {
                running.ifPresent(runtime.engine()::putHost);
                checks.forEach(runtime.engine()::putCheck);
                throw e;
            }
            runtime.rescheduleHost(name, checks);
            if (gone.isEmpty()) {
                return false;
            }
            audit.append(new AuditEntry(caller, "monitoring.host.delete", "monitoring-host", name,
                    "deleted host " + name + " with " + checks.size() + " checks", gone.get().toString(), null));
            return true;
        });
    }

    @Override
    public List<CheckDefinition> checks(Principal caller, String host) {
        access.check(caller, MonitoringPermissions.READ);
        return store().load(runtime.clock().instant()).checks().stream()
                .filter(c -> host == null || c.host().equals(host)).toList();
    }

    @Override
    public void saveCheck(Principal caller, CheckDefinition check) {
        access.check(caller, MonitoringPermissions.WRITE);
        runtime.edit(() -> {
            Validation.check(check, runtime.checkTypes().get(check.type()));
            if (runtime.engine().host(check.host()).isEmpty()) {
                throw new InvalidDefinitionException("host", "no host '" + check.host() + "'");
            }
            Optional<CheckDefinition> before = store().saveCheck(check);
            audit.append(new AuditEntry(caller,
                    before.isPresent() ? "monitoring.check.update" : "monitoring.check.create", "monitoring-check",
                    check.key().toString(), (before.isPresent() ? "changed" : "added") + " check " + check.key(),
                    before.map(Object::toString).orElse(null), check.toString()));
            runtime.engine().putCheck(check);
            runtime.reschedule(check.key());
            return null;
        });
    }

    @Override
    public boolean deleteCheck(Principal caller, CheckKey key) {
        access.check(caller, MonitoringPermissions.WRITE);
        return runtime.edit(() -> {
            if (key.isHost()) {
                throw new InvalidDefinitionException("check", "name a check, not the host " + key.host());
            }
            Optional<CheckDefinition> running = runtime.engine().check(key);
            runtime.engine().removeCheck(key);
            runtime.writeNow();
            Optional<CheckDefinition> gone;
            try {
                gone = store().deleteCheck(key);
            } catch (RuntimeException e) {
                running.ifPresent(runtime.engine()::putCheck);
                throw e;
            }
            runtime.reschedule(key);
            if (gone.isEmpty()) {
                return false;
            }
            audit.append(new AuditEntry(caller, "monitoring.check.delete", "monitoring-check", key.toString(),
                    "deleted check " + key, gone.get().toString(), null));
            return true;
        });
    }

    @Override
    public List<NotificationRule> rules(Principal caller) {
        access.check(caller, MonitoringPermissions.READ);
        return store().load(runtime.clock().instant()).rules();
    }

    @Override
    public void saveRule(Principal caller, NotificationRule rule) {
        access.check(caller, MonitoringPermissions.WRITE);
        runtime.edit(() -> {
            Map<String, Notifier> installed = runtime.notifiers();
            Validation.rule(rule, rule.notifier() == null ? null : installed.get(rule.notifier()),
                    rule.escalationNotifier() == null ? null : installed.get(rule.escalationNotifier()));
            Optional<NotificationRule> before = store().saveRule(rule);
            audit.append(new AuditEntry(caller,
                    before.isPresent() ? "monitoring.rule.update" : "monitoring.rule.create",
                    "monitoring-rule", rule.name(), (before.isPresent() ? "changed" : "added") + " rule " + rule.name(),
                    before.map(Object::toString).orElse(null), rule.toString()));
            runtime.engine().setRules(store().load(runtime.clock().instant()).rules());
            return null;
        });
    }

    @Override
    public boolean deleteRule(Principal caller, String name) {
        access.check(caller, MonitoringPermissions.WRITE);
        return runtime.edit(() -> {
            Optional<NotificationRule> gone = store().deleteRule(name);
            if (gone.isEmpty()) {
                return false;
            }
            audit.append(
                    new AuditEntry(caller, "monitoring.rule.delete", "monitoring-rule", name, "deleted rule " + name,
                            gone.get().toString(), null));
            runtime.engine().setRules(store().load(runtime.clock().instant()).rules());
            return true;
        });
    }

    @Override
    public List<TypeInfo> checkTypes() {
        return runtime.checkTypes().values().stream().map(t -> new TypeInfo(t.id(), t.displayName(), t.parameters()))
                .sorted(Comparator.comparing(TypeInfo::id)).toList();
    }

    @Override
    public List<TypeInfo> notifiers() {
        return runtime.notifiers().values().stream()
                .map((Notifier n) -> new TypeInfo(n.id(), n.displayName(), n.parameters()))
                .sorted(Comparator.comparing(TypeInfo::id)).toList();
    }
}
