package org.opsbench.monitoring;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * The monitoring configuration: hosts, checks and notification rules. A service.
 * <p>
 * Reads need {@link MonitoringPermissions#READ}, writes {@link MonitoringPermissions#WRITE}
 * ({@link org.opsbench.core.security.NotAllowedException} otherwise). Every write is validated first
 * ({@link InvalidDefinitionException} names the field), done in one transaction, audited with the before and after
 * values, and takes effect on the schedule at once.
 */
public interface MonitoringAdmin {

    /** All hosts, by name. */
    List<HostDefinition> hosts(Principal caller);

    /** The host {@code name}. */
    Optional<HostDefinition> host(Principal caller, String name);

    /** Creates or replaces the host {@code host.name()}. */
    void saveHost(Principal caller, HostDefinition host);

    /** Deletes a host with its checks, state, history and downtimes; returns whether it existed. */
    boolean deleteHost(Principal caller, String name);

    /** The checks of {@code host}, or of all hosts when {@code host} is {@code null}, by host and name. */
    List<CheckDefinition> checks(Principal caller, String host);

    /** Creates or replaces the check {@code check.key()}; the host must exist. */
    void saveCheck(Principal caller, CheckDefinition check);

    /** Deletes a check with its state and history; returns whether it existed. */
    boolean deleteCheck(Principal caller, CheckKey key);

    /** All notification rules, by name. */
    List<NotificationRule> rules(Principal caller);

    /** Creates or replaces the rule {@code rule.name()}; its notifier must be installed. */
    void saveRule(Principal caller, NotificationRule rule);

    /** Deletes a rule; returns whether it existed. */
    boolean deleteRule(Principal caller, String name);

    /** The installed check types, by id, for editors. */
    List<TypeInfo> checkTypes();

    /** The installed notifiers, by id, for editors. */
    List<TypeInfo> notifiers();

    /**
     * An installed check type or notifier.
     *
     * @param id
     *            its id
     * @param displayName
     *            its name for humans
     * @param parameters
     *            what it takes
     */
    record TypeInfo(String id, String displayName, List<org.opsbench.core.spi.Parameter> parameters) {
    }
}
