package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code CHG_BASELINE}. */
@Entity
@Table(name = "CHG_BASELINE")
public class BaselineEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "CI_TYPE")
    String ciType;
    @Column(name = "CI_NAME")
    String ciName;
    @Column(name = "FILES")
    String files;
    @Column(name = "COMMANDS")
    String commands;
}
