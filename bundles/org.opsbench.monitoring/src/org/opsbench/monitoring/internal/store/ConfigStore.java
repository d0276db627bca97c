package org.opsbench.monitoring.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.NotificationRule;

import org.opsbench.persistence.JpaWork;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;

/**
 * The monitoring configuration through JPA: hosts, checks, notification rules and downtimes. Each method is one
 * transaction; what crosses out of here are the API records.
 */
public final class ConfigStore {

    /** Everything configured, as loaded at start. */
    public record Snapshot(List<HostDefinition> hosts, List<CheckDefinition> checks, List<NotificationRule> rules,
            List<Downtime> downtimes) {
    }

    /** EclipseLink's query hint to read rows into the cache rather than answer from it. */
    private static final String REFRESH = "eclipselink.refresh";

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public ConfigStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** All hosts, checks, rules and the downtimes not yet over at {@code now}. */
    public Snapshot load(Instant now) {
        return JpaWork.read(emf, em -> snapshot(em, now, false));
    }

    /**
     * Everything configured as the database holds it now, past this process's entity cache: what another server wrote
     * shows (and the cache takes it).
     */
    public Snapshot current(Instant now) {
        return JpaWork.read(emf, em -> snapshot(em, now, true));
    }

    /**
     * The configuration's version: raised in the same transaction as every change made through this class (on any
     * server), so an unchanged number means nothing needs reading.
     */
    public long version() {
        return JpaWork.read(emf, em -> ((Number) em
                .createNativeQuery("SELECT VERSION FROM MON_CONFIG_VERSION WHERE ID = 1").getSingleResult())
                .longValue());
    }

    /**
     * Raises the version first, so that changes of the configuration from several servers take the one row lock in the
     * same order and none of them deadlocks another.
     */
    private static void changing(EntityManager em) {
        em.createNativeQuery("UPDATE MON_CONFIG_VERSION SET VERSION = VERSION + 1 WHERE ID = 1").executeUpdate();
    }

    private static Snapshot snapshot(EntityManager em, Instant now, boolean fresh) {
        TypedQuery<RuleEntity> rules = em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.name", RuleEntity.class);
        TypedQuery<DowntimeEntity> downtimes = em.createQuery(
                "SELECT d FROM DowntimeEntity d WHERE d.endMillis > :now ORDER BY d.startMillis",
                DowntimeEntity.class).setParameter("now", now.toEpochMilli());
        return new Snapshot(hosts(em, fresh), checks(em, fresh),
                (fresh ? rules.setHint(REFRESH, "true") : rules).getResultList().stream().map(ConfigStore::rule)
                        .toList(),
                (fresh ? downtimes.setHint(REFRESH, "true") : downtimes).getResultList().stream()
                        .map(ConfigStore::downtime).toList());
    }

    private static List<HostDefinition> hosts(EntityManager em, boolean fresh) {
        TypedQuery<HostEntity> q = em.createQuery("SELECT h FROM HostEntity h ORDER BY h.name", HostEntity.class);
        return (fresh ? q.setHint(REFRESH, "true") : q).getResultList().stream().map(ConfigStore::host).toList();
    }

    private static List<CheckDefinition> checks(EntityManager em, boolean fresh) {
        TypedQuery<CheckEntity> q = em.createQuery("SELECT c FROM CheckEntity c ORDER BY c.host, c.name",
                CheckEntity.class);
        return (fresh ? q.setHint(REFRESH, "true") : q).getResultList().stream().map(ConfigStore::check).toList();
    }

    /** Creates or replaces a host; returns the previous definition. */
    public Optional<HostDefinition> saveHost(HostDefinition h) {
        return JpaWork.write(emf, em -> {
            changing(em);
            HostEntity e = em.find(HostEntity.class, h.name());
            Optional<HostDefinition> before = Optional.ofNullable(e).map(ConfigStore::host);
            if (e == null) {
                e = new HostEntity();
                e.name = h.name();
            }
            e.address = h.address();
            e.ciId = h.ciId();
            e.sshUser = h.sshUser();
            e.sshPort = h.sshPort();
            e.credentialAlias = h.credentialAlias();
            e.parents = Texts.join(h.parents());
            e.hostCheck = h.hostCheck();
            e.hostCheckParams = Texts.encode(h.hostCheckParameters());
            e.intervalSeconds = (int) h.interval().toSeconds();
            e.maxAttempts = h.maxAttempts();
            e.enabled = h.enabled();
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes a host with its checks, downtimes, state and history; returns what was deleted. */
    public Optional<HostDefinition> deleteHost(String name) {
        return JpaWork.write(emf, em -> {
            changing(em);
            HostEntity e = em.find(HostEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            em.createQuery("DELETE FROM CheckEntity c WHERE c.host = :h").setParameter("h", name).executeUpdate();
            em.createQuery("DELETE FROM DowntimeEntity d WHERE d.host = :h").setParameter("h", name)
                    .executeUpdate();
            for (String table : List.of("MON_STATE", "MON_HISTORY")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE HOST = ?").setParameter(1, name)
                        .executeUpdate();
            }
            em.remove(e);
            return Optional.of(host(e));
        });
    }

    /** Creates or replaces a check; returns the previous definition. */
    public Optional<CheckDefinition> saveCheck(CheckDefinition c) {
        return JpaWork.write(emf, em -> {
            changing(em);
            CheckEntity e = em.find(CheckEntity.class, new CheckEntity.Key(c.host(), c.name()));
            Optional<CheckDefinition> before = Optional.ofNullable(e).map(ConfigStore::check);
            if (e == null) {
                e = new CheckEntity();
                e.host = c.host();
                e.name = c.name();
            }
            e.type = c.type();
            e.params = Texts.encode(c.parameters());
            e.intervalSeconds = (int) c.interval().toSeconds();
            e.retrySeconds = (int) c.retryInterval().toSeconds();
            e.maxAttempts = c.maxAttempts();
            e.timeoutMillis = (int) c.timeout().toMillis();
            CheckDefinition.Thresholds t = c.thresholds();
            e.thresholdMetric = t == null ? null : t.metric();
            e.thresholdWarning = t == null ? null : t.warning();
            e.thresholdCritical = t == null ? null : t.critical();
            e.enabled = c.enabled();
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes a check with its state, history and downtimes; returns what was deleted. */
    public Optional<CheckDefinition> deleteCheck(CheckKey key) {
        return JpaWork.write(emf, em -> {
            changing(em);
            CheckEntity e = em.find(CheckEntity.class, new CheckEntity.Key(key.host(), key.check()));
            if (e == null) {
                return Optional.empty();
            }
            em.createQuery("DELETE FROM DowntimeEntity d WHERE d.host = :h AND d.checkName = :c")
                    .setParameter("h", key.host()).setParameter("c", key.check()).executeUpdate();
            for (String table : List.of("MON_STATE", "MON_HISTORY")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE HOST = ? AND CHECK_NAME = ?")
                        .setParameter(1, key.host()).setParameter(2, key.check()).executeUpdate();
            }
            em.remove(e);
            return Optional.of(check(e));
        });
    }

    /** Creates or replaces a rule; returns the previous one. */
    public Optional<NotificationRule> saveRule(NotificationRule r) {
        return JpaWork.write(emf, em -> {
            changing(em);
            RuleEntity e = em.find(RuleEntity.class, r.name());
            Optional<NotificationRule> before = Optional.ofNullable(e).map(ConfigStore::rule);
            if (e == null) {
                e = new RuleEntity();
                e.name = r.name();
            }
            e.states = Texts.join(r.states().stream().sorted().toList());
            e.hosts = r.hosts();
            e.checks = r.checks();
            e.notifier = r.notifier();
            e.settings = Texts.encode(r.settings());
            e.repeatSeconds = (int) r.repeat().toSeconds();
            e.escalateSeconds = (int) r.escalateAfter().toSeconds();
            e.escalationNotifier = r.escalationNotifier();
            e.escalationSettings = Texts.encode(r.escalationSettings());
            e.enabled = r.enabled();
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes a rule; returns what was deleted. */
    public Optional<NotificationRule> deleteRule(String name) {
        return JpaWork.write(emf, em -> {
            changing(em);
            RuleEntity e = em.find(RuleEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            em.remove(e);
            return Optional.of(rule(e));
        });
    }

    /** Stores a new downtime; returns it with its id. */
    public Downtime addDowntime(Downtime d) {
        return JpaWork.write(emf, em -> {
            changing(em);
            DowntimeEntity e = new DowntimeEntity();
            e.host = d.target().host();
            e.checkName = d.target().isHost() ? "" : d.target().check();
            e.startMillis = d.start().toEpochMilli();
            e.endMillis = d.end().toEpochMilli();
            e.author = d.author();
            e.comment = d.comment();
            em.persist(e);
            em.flush();
            return downtime(e);
        });
    }

    /**
     * Ends a window under way at {@code now} (it stays on record) or removes one not yet begun; returns it as it was,
     * or empty when there is none or it has already ended.
     */
    public Optional<Downtime> cancelDowntime(long id, Instant now) {
        long millis = now.toEpochMilli();
        return JpaWork.write(emf, em -> {
            changing(em);
            DowntimeEntity e = em.find(DowntimeEntity.class, id);
            if (e == null || e.endMillis <= millis) {
                return Optional.empty();
            }
            Downtime before = downtime(e);
            if (e.startMillis < millis) {
                // a window under way ends now and stays on record (the maintenance calendar, the audit's story)
                e.endMillis = millis;
            } else {
                em.remove(e);
            }
            return Optional.of(before);
        });
    }

    /** The downtimes overlapping {@code [from, to)}, by start. */
    public List<Downtime> downtimes(Instant from, Instant to) {
        return JpaWork.read(emf, em -> em
                .createQuery("SELECT d FROM DowntimeEntity d WHERE d.endMillis > :from AND d.startMillis < :to"
                        + " ORDER BY d.startMillis, d.id", DowntimeEntity.class)
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli()).getResultList()
                .stream().map(ConfigStore::downtime).toList());
    }

    static HostDefinition host(HostEntity e) {
        return new HostDefinition(e.name, e.address, e.ciId, e.sshUser, e.sshPort, e.credentialAlias,
                Texts.split(e.parents), e.hostCheck, Texts.decode(e.hostCheckParams),
                Duration.ofSeconds(e.intervalSeconds), e.maxAttempts, e.enabled);
    }

    static CheckDefinition check(CheckEntity e) {
        CheckDefinition.Thresholds t = e.thresholdMetric == null
                ? null
                : new CheckDefinition.Thresholds(e.thresholdMetric, e.thresholdWarning, e.thresholdCritical);
        return new CheckDefinition(e.host, e.name, e.type, Texts.decode(e.params),
                Duration.ofSeconds(e.intervalSeconds), Duration.ofSeconds(e.retrySeconds), e.maxAttempts,
                Duration.ofMillis(e.timeoutMillis), t, e.enabled);
    }

    static NotificationRule rule(RuleEntity e) {
        return new NotificationRule(e.name, new HashSet<>(Texts.split(e.states)), e.hosts, e.checks, e.notifier,
                Texts.decode(e.settings), Duration.ofSeconds(e.repeatSeconds), Duration.ofSeconds(e.escalateSeconds),
                e.escalationNotifier, Texts.decode(e.escalationSettings), e.enabled);
    }

    static Downtime downtime(DowntimeEntity e) {
        CheckKey target = e.checkName == null || e.checkName.isEmpty()
                ? CheckKey.host(e.host)
                : new CheckKey(e.host, e.checkName);
        return new Downtime(e.id, target, Instant.ofEpochMilli(e.startMillis), Instant.ofEpochMilli(e.endMillis),
                e.author, e.comment);
    }
}
