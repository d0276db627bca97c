package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code CHG_STEP_RUN}. */
@Entity
@Table(name = "CHG_STEP_RUN")
public class StepRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "CHANGE_ID")
    long changeId;
    @Column(name = "PHASE")
    String phase;
    @Column(name = "STEP_NO")
    int step;
    @Column(name = "HOST")
    String host;
    @Column(name = "COMMAND")
    String command;
    @Column(name = "STATUS")
    String status;
    @Column(name = "EXIT_CODE")
    int exitCode;
    @Lob
    @Column(name = "OUTPUT_TEXT")
    String output;
    @Column(name = "STARTED")
    long started;
    @Column(name = "ENDED")
    long ended;
}
