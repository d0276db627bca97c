package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code CHG_CHANGE}. */
@Entity
@Table(name = "CHG_CHANGE")
public class ChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "REFERENCE")
    String reference;
    @Column(name = "CHANGE_TYPE")
    String type;
    @Column(name = "STATE")
    String state;
    @Column(name = "TITLE")
    String title;
    @Column(name = "REASON")
    String reason;
    @Column(name = "ITEMS")
    String items;
    @Column(name = "PLANNED_START")
    Long plannedStart;
    @Column(name = "PLANNED_END")
    Long plannedEnd;
    @Column(name = "ACTUAL_START")
    Long actualStart;
    @Column(name = "ACTUAL_END")
    Long actualEnd;
    @Lob
    @Column(name = "STEPS")
    String steps;
    @Lob
    @Column(name = "ROLLBACK_STEPS")
    String rollbackSteps;
    @Column(name = "TEST_PLAN")
    String testPlan;
    @Column(name = "IMPLEMENTER")
    String implementer;
    @Column(name = "REQUESTER")
    String requester;
    @Column(name = "TEMPLATE")
    String template;
    @Column(name = "RISK_SCORE")
    Integer riskScore;
    @Column(name = "RISK_REASONS")
    String riskReasons;
    @Column(name = "CREATED")
    long created;
    @Column(name = "UPDATED")
    long updated;
}
