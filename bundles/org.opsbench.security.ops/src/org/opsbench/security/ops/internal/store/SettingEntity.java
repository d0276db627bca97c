package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_SETTING}. */
@Entity
@Table(name = "SECOPS_SETTING")
public class SettingEntity {
    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "VAL")
    String value;
}
