package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_PATCH}. */
@Entity
@Table(name = "SECOPS_PATCH")
public class PatchEntity {
    @Id
    @Column(name = "HOST")
    String host;
    @Column(name = "CHECKED")
    long checked;
    @Column(name = "MANAGER")
    String manager;
    @Column(name = "SECURITY_COUNT")
    int securityCount;
    @Column(name = "OLDEST_SINCE")
    Long oldestSince;
    @Column(name = "LAST_UPDATE")
    Long lastUpdate;
    @Column(name = "REBOOT")
    boolean reboot;
    @Column(name = "COMPLIANT")
    boolean compliant;
    @Column(name = "ERROR")
    String error;
}
