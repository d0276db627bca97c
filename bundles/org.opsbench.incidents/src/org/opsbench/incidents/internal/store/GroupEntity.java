package org.opsbench.incidents.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code INC_GROUP}. */
@Entity
@Table(name = "INC_GROUP")
public class GroupEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "DESCRIPTION")
    String description;
    @Column(name = "MEMBERS")
    String members;
}
