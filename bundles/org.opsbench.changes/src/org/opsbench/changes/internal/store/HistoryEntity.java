package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code CHG_HISTORY}. */
@Entity
@Table(name = "CHG_HISTORY")
public class HistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "CHANGE_ID")
    long changeId;
    @Column(name = "FROM_STATE")
    String fromState;
    @Column(name = "TO_STATE")
    String toState;
    @Column(name = "PRINCIPAL")
    String principal;
    @Column(name = "AT_MILLIS")
    long at;
    @Column(name = "COMMENT_TEXT")
    String comment;
}
