package org.opsbench.backup.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code BKP_JOB}. */
@Entity
@Table(name = "BKP_JOB")
public class JobEntity {
    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "DESCRIPTION")
    String description;
    @Column(name = "SOURCE_KIND")
    String sourceKind;
    @Column(name = "HOST")
    String host;
    @Column(name = "PORT")
    int port;
    @Column(name = "SSH_USER")
    String user;
    @Column(name = "CREDENTIAL_ALIAS")
    String credentialAlias;
    @Column(name = "PATHS")
    String paths;
    @Column(name = "COMMAND")
    String command;
    @Column(name = "TARGET")
    String target;
    @Column(name = "TARGET_SETTINGS")
    String targetSettings;
    @Column(name = "SCHEDULE")
    String schedule;
    @Column(name = "TIME_ZONE")
    String timeZone;
    @Column(name = "COMPRESS")
    boolean compress;
    @Column(name = "KEY_ALIAS")
    String keyAlias;
    @Column(name = "KEEP_LAST")
    int keepLast;
    @Column(name = "KEEP_DAILY")
    int keepDaily;
    @Column(name = "KEEP_WEEKLY")
    int keepWeekly;
    @Column(name = "KEEP_MONTHLY")
    int keepMonthly;
    @Column(name = "KEEP_YEARLY")
    int keepYearly;
    @Column(name = "DRILL_SCHEDULE")
    String drillSchedule;
    @Column(name = "CI_ID")
    String ciId;
    @Column(name = "ENABLED")
    boolean enabled;
    /** Epoch ms of the last slot a scheduled run was started for, or of the schedule's last change. */
    @Column(name = "SCHEDULED_FROM")
    Long scheduledFrom;
}
