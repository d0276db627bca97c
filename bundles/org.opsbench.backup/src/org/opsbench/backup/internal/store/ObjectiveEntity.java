package org.opsbench.backup.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code BKP_OBJECTIVE}. */
@Entity
@Table(name = "BKP_OBJECTIVE")
public class ObjectiveEntity {
    @Id
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "CI_TYPE")
    String ciType;
    @Column(name = "CI_NAME")
    String ciName;
    @Column(name = "JOB")
    String job;
    @Column(name = "RPO_SECONDS")
    long rpoSeconds;
    @Column(name = "RTO_SECONDS")
    long rtoSeconds;
    @Column(name = "LAST_STATE")
    String lastState;
}
