package org.opsbench.backup.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code BKP_DRILL}. */
@Entity
@Table(name = "BKP_DRILL")
public class DrillEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "JOB")
    String job;
    @Column(name = "RUN_ID")
    long runId;
    @Column(name = "STARTED")
    long started;
    @Column(name = "DURATION_MS")
    long durationMillis;
    @Column(name = "PASSED")
    boolean passed;
    @Column(name = "MESSAGE")
    String message;
}
