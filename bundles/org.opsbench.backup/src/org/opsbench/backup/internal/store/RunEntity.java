package org.opsbench.backup.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code BKP_RUN}. */
@Entity
@Table(name = "BKP_RUN")
public class RunEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "JOB")
    String job;
    @Column(name = "TRIGGERED_BY")
    String trigger;
    @Column(name = "STARTED")
    long started;
    @Column(name = "ENDED")
    Long ended;
    @Column(name = "OUTCOME")
    String outcome;
    @Column(name = "BYTES")
    long bytes;
    @Column(name = "SOURCE_BYTES")
    long sourceBytes;
    @Column(name = "FILES")
    int files;
    @Column(name = "ARCHIVE")
    String archive;
    @Column(name = "SHA256")
    String sha256;
    @Lob
    @Column(name = "RUN_LOG")
    String log;
    @Lob
    @Column(name = "MANIFEST")
    String manifest;
    @Column(name = "VERIFIED")
    Long verified;
    @Column(name = "PRUNED")
    boolean pruned;
}
