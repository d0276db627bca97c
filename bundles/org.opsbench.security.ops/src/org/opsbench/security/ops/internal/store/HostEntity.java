package org.opsbench.security.ops.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code SECOPS_HOST}. */
@Entity
@Table(name = "SECOPS_HOST")
public class HostEntity {
    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "ADDRESS")
    String address;
    @Column(name = "PORT")
    int port;
    @Column(name = "SSH_USER")
    String user;
    @Column(name = "CREDENTIAL_ALIAS")
    String credentialAlias;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "CI_TYPE")
    String ciType;
}
