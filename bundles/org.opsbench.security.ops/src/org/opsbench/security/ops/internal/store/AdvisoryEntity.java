package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_ADVISORY}. */
@Entity
@Table(name = "SECOPS_ADVISORY")
public class AdvisoryEntity {
    @Id
    @Column(name = "ID")
    String id;
    @Column(name = "ALIASES")
    String aliases;
    @Column(name = "SUMMARY")
    String summary;
    @Column(name = "MODIFIED")
    Long modified;
    @Column(name = "CVSS_VECTOR")
    String vector;
    @Column(name = "SCORE")
    double score;
    @Column(name = "RISK")
    String risk;
    @Lob
    @Column(name = "AFFECTED")
    String affected;
}
