package org.opsbench.monitoring.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code MON_HOST}. */
@Entity
@Table(name = "MON_HOST")
public class HostEntity {

    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "ADDRESS")
    String address;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "SSH_USER")
    String sshUser;
    @Column(name = "SSH_PORT")
    int sshPort;
    @Column(name = "CREDENTIAL_ALIAS")
    String credentialAlias;
    @Column(name = "PARENTS")
    String parents;
    @Column(name = "HOST_CHECK")
    String hostCheck;
    @Column(name = "HOST_CHECK_PARAMS")
    String hostCheckParams;
    @Column(name = "INTERVAL_SECONDS")
    int intervalSeconds;
    @Column(name = "MAX_ATTEMPTS")
    int maxAttempts;
    @Column(name = "ENABLED")
    boolean enabled;
}
