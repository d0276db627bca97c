package org.opsbench.monitoring.internal.store;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code MON_CHECK}. */
@Entity
@Table(name = "MON_CHECK")
@IdClass(CheckEntity.Key.class)
public class CheckEntity {

    @Id
    @Column(name = "HOST")
    String host;
    @Id
    @Column(name = "NAME")
    String name;
    @Column(name = "CHECK_TYPE")
    String type;
    @Column(name = "PARAMS")
    String params;
    @Column(name = "INTERVAL_SECONDS")
    int intervalSeconds;
    @Column(name = "RETRY_SECONDS")
    int retrySeconds;
    @Column(name = "MAX_ATTEMPTS")
    int maxAttempts;
    @Column(name = "TIMEOUT_MILLIS")
    int timeoutMillis;
    @Column(name = "THRESHOLD_METRIC")
    String thresholdMetric;
    @Column(name = "THRESHOLD_WARNING")
    String thresholdWarning;
    @Column(name = "THRESHOLD_CRITICAL")
    String thresholdCritical;
    @Column(name = "ENABLED")
    boolean enabled;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String host;
        String name;

        /** For JPA. */
        public Key() {
        }

        Key(String host, String name) {
            this.host = host;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(host, k.host) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, name);
        }
    }
}
