package org.opsbench.incidents.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code INC_SETTING}: one named setting as text. */
@Entity
@Table(name = "INC_SETTING")
public class SettingEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "TEXT_VALUE")
    String value;
}
