package org.opsbench.monitoring.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code MON_DOWNTIME}; {@code CHECK_NAME} is empty for a whole host. */
@Entity
@Table(name = "MON_DOWNTIME")
public class DowntimeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "HOST")
    String host;
    @Column(name = "CHECK_NAME")
    String checkName;
    @Column(name = "START_MILLIS")
    long startMillis;
    @Column(name = "END_MILLIS")
    long endMillis;
    @Column(name = "AUTHOR")
    String author;
    @Column(name = "REASON")
    String comment;
}
