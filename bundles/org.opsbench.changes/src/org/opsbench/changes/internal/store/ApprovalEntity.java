package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code CHG_APPROVAL}. */
@Entity
@Table(name = "CHG_APPROVAL")
public class ApprovalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "CHANGE_ID")
    long changeId;
    @Column(name = "APPROVER")
    String approver;
    @Column(name = "APPROVED")
    boolean approved;
    @Column(name = "COMMENT_TEXT")
    String comment;
    @Column(name = "AT_MILLIS")
    long at;
    @Column(name = "AFTER_START")
    boolean afterStart;
}
