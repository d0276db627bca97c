package org.opsbench.persistence.tests.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A small entity that lives in the test bundle, as an area's entities live in the area bundle. */
@Entity
@Table(name = "ITEMS")
public class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    /** For JPA. */
    protected Item() {
    }

    /** A new item. */
    public Item(String name) {
        this.name = name;
    }

    /** The generated id, null before the first flush. */
    public Long getId() {
        return id;
    }

    /** The name. */
    public String getName() {
        return name;
    }
}
