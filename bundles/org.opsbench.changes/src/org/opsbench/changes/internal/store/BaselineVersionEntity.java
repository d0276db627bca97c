package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code CHG_BASELINE_VERSION}. */
@Entity
@Table(name = "CHG_BASELINE_VERSION")
public class BaselineVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "NAME")
    String name;
    @Column(name = "VERSION")
    int version;
    @Column(name = "CAPTURED")
    long captured;
    @Column(name = "CAPTURED_BY")
    String capturedBy;
    @Column(name = "APPROVED")
    boolean approved;
    @Column(name = "APPROVED_WITH")
    String approvedWith;
    @Lob
    @Column(name = "ITEMS")
    String items;
}
