package org.opsbench.incidents.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code INC_ARTICLE}. */
@Entity
@Table(name = "INC_ARTICLE")
public class ArticleEntity {

    @Id
    @Column(name = "REFERENCE")
    String reference;
    @Column(name = "TITLE")
    String title;
    @Column(name = "BODY")
    String body;
    @Column(name = "TAGS")
    String tags;
    @Column(name = "CIS")
    String cis;
    @Column(name = "AUTHOR")
    String author;
    @Column(name = "UPDATED")
    long updated;
}
