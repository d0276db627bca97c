package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code CHG_TEMPLATE}. */
@Entity
@Table(name = "CHG_TEMPLATE")
public class TemplateEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "TITLE")
    String title;
    @Column(name = "REASON")
    String reason;
    @Lob
    @Column(name = "STEPS")
    String steps;
    @Lob
    @Column(name = "ROLLBACK_STEPS")
    String rollbackSteps;
    @Column(name = "TEST_PLAN")
    String testPlan;
}
