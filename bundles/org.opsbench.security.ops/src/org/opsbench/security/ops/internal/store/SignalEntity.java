package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_SIGNAL}. */
@Entity
@Table(name = "SECOPS_SIGNAL")
public class SignalEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "HOST")
    String host;
    @Column(name = "KIND")
    String kind;
    @Column(name = "OCCURRED")
    long occurred;
    @Column(name = "SUMMARY")
    String summary;
    @Column(name = "CNT")
    int count;
    @Column(name = "DEDUP_KEY")
    String dedupKey;
}
