package org.opsbench.monitoring.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code MON_RULE}. */
@Entity
@Table(name = "MON_RULE")
public class RuleEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "STATES")
    String states;
    @Column(name = "HOSTS")
    String hosts;
    @Column(name = "CHECKS")
    String checks;
    @Column(name = "NOTIFIER")
    String notifier;
    @Column(name = "SETTINGS")
    String settings;
    @Column(name = "REPEAT_SECONDS")
    int repeatSeconds;
    @Column(name = "ESCALATE_SECONDS")
    int escalateSeconds;
    @Column(name = "ESCALATION_NOTIFIER")
    String escalationNotifier;
    @Column(name = "ESCALATION_SETTINGS")
    String escalationSettings;
    @Column(name = "ENABLED")
    boolean enabled;
}
