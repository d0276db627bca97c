package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_PENDING}. */
@Entity
@Table(name = "SECOPS_PENDING")
public class PendingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "HOST")
    String host;
    @Column(name = "PACKAGE")
    String pkg;
    @Column(name = "INSTALLED")
    String installed;
    @Column(name = "CANDIDATE")
    String candidate;
    @Column(name = "ORIGIN")
    String origin;
    @Column(name = "SECURITY")
    boolean security;
    @Column(name = "FIRST_SEEN")
    long firstSeen;
}
