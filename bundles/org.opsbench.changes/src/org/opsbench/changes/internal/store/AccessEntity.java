package org.opsbench.changes.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code CHG_ACCESS}. */
@Entity
@Table(name = "CHG_ACCESS")
public class AccessEntity {

    @Id
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "HOST")
    String host;
    @Column(name = "PORT")
    int port;
    @Column(name = "SSH_USER")
    String user;
    @Column(name = "CREDENTIAL_ALIAS")
    String credentialAlias;
}
