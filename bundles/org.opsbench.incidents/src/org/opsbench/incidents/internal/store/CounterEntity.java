package org.opsbench.incidents.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code INC_COUNTER}: the last number given out for a reference prefix. */
@Entity
@Table(name = "INC_COUNTER")
public class CounterEntity {

    @Id
    @Column(name = "PREFIX")
    String prefix;
    @Column(name = "LAST_VALUE")
    long last;
}
