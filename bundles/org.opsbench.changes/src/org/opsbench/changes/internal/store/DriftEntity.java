package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code CHG_DRIFT}. */
@Entity
@Table(name = "CHG_DRIFT")
public class DriftEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SOURCE")
    String source;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "CI_TYPE")
    String ciType;
    @Column(name = "CI_NAME")
    String ciName;
    @Column(name = "SUMMARY")
    String summary;
    @Lob
    @Column(name = "DIFF")
    String diff;
    @Column(name = "AT_MILLIS")
    long at;
}
