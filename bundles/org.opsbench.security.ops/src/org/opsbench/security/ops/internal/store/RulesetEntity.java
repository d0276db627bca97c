package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_RULESET}. */
@Entity
@Table(name = "SECOPS_RULESET")
public class RulesetEntity {
    @Id
    @Column(name = "HOST")
    String host;
    @Lob
    @Column(name = "RULESET")
    String ruleset;
    @Column(name = "ACCEPTED_AT")
    long acceptedAt;
    @Column(name = "ACCEPTED_BY")
    String acceptedBy;
}
