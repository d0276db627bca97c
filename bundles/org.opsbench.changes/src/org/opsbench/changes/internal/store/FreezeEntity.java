package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code CHG_FREEZE}. */
@Entity
@Table(name = "CHG_FREEZE")
public class FreezeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "NAME")
    String name;
    @Column(name = "START_MILLIS")
    long start;
    @Column(name = "END_MILLIS")
    long end;
    @Column(name = "REASON")
    String reason;
}
