package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_FINDING}. */
@Entity
@Table(name = "SECOPS_FINDING")
public class FindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "HOST")
    String host;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "PACKAGE")
    String pkg;
    @Column(name = "INSTALLED")
    String installed;
    @Column(name = "FIXED_VERSION")
    String fixed;
    @Column(name = "ADVISORY_ID")
    String advisoryId;
    @Column(name = "ALIASES")
    String aliases;
    @Column(name = "RISK")
    String risk;
    @Column(name = "SCORE")
    double score;
    @Column(name = "FIRST_SEEN")
    long firstSeen;
    @Column(name = "LAST_SEEN")
    long lastSeen;
    @Column(name = "STATUS")
    String status;
    @Column(name = "ACCEPTED_REASON")
    String reason;
    @Column(name = "ACCEPTED_UNTIL")
    Long until;
    @Column(name = "ACCEPTED_BY")
    String acceptedBy;
    @Column(name = "FIXED_AT")
    Long fixedAt;
}
