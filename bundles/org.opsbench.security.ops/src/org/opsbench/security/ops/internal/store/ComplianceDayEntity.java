package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_COMPLIANCE_DAY}. */
@Entity
@Table(name = "SECOPS_COMPLIANCE_DAY")
public class ComplianceDayEntity {
    @Id
    @Column(name = "DAY_UTC")
    String day;
    @Column(name = "HOSTS")
    int hosts;
    @Column(name = "COMPLIANT")
    int compliant;
}
