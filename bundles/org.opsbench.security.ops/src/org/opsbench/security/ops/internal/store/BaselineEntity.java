package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_PORT_BASELINE}. */
@Entity
@Table(name = "SECOPS_PORT_BASELINE")
public class BaselineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SCOPE")
    String scope;
    @Column(name = "PROTOCOL")
    String protocol;
    @Column(name = "PORT")
    int port;
    @Column(name = "APPROVED_BY")
    String approvedBy;
    @Column(name = "APPROVED_AT")
    long approvedAt;
}
