package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_PORT_AUDIT}. */
@Entity
@Table(name = "SECOPS_PORT_AUDIT")
public class PortAuditEntity {
    @Id
    @Column(name = "HOST")
    String host;
    @Column(name = "CHECKED")
    long checked;
    @Column(name = "SOURCE")
    String source;
    @Lob
    @Column(name = "LISTENING")
    String listening;
    @Lob
    @Column(name = "UNAPPROVED")
    String unapproved;
    @Column(name = "FIREWALL")
    String firewall;
    @Column(name = "AVAILABLE")
    boolean available;
    @Lob
    @Column(name = "RULESET")
    String ruleset;
    @Lob
    @Column(name = "DRIFT")
    String drift;
}
