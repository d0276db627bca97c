package org.opsbench.incidents.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code INC_PROBLEM}. */
@Entity
@Table(name = "INC_PROBLEM")
public class ProblemEntity {

    @Id
    @Column(name = "REFERENCE")
    String reference;
    @Column(name = "TITLE")
    String title;
    @Column(name = "DESCRIPTION")
    String description;
    @Column(name = "ROOT_CAUSE")
    String rootCause;
    @Column(name = "WORKAROUND")
    String workaround;
    @Column(name = "KNOWN_ERROR")
    boolean knownError;
    @Column(name = "MATCH_TERMS")
    String matchTerms;
    @Column(name = "CIS")
    String cis;
    @Column(name = "CLOSED")
    boolean closed;
    @Column(name = "UPDATED")
    long updated;
}
