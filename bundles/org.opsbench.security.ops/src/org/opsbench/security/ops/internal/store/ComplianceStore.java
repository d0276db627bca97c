package org.opsbench.security.ops.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.security.ops.ComplianceDay;
import org.opsbench.security.ops.ListeningPort;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PendingUpdate;
import org.opsbench.security.ops.PortAudit;

import jakarta.persistence.EntityManager;

/** Patch status, pending updates, the daily compliance trend, port baselines and audits, accepted rulesets. */
public final class ComplianceStore {

    private final Tx tx;

    /** On the area's transactions. */
    public ComplianceStore(Tx tx) {
        this.tx = tx;
    }

    // ---- patches

    /**
     * Records a host's check in one transaction: pending updates keep the time they were first seen; the host complies
     * when no security update is pending longer than {@code maxPending}; today's trend point is recomputed over all
     * hosts.
     */
    public PatchStatus savePatch(String host, String manager, List<PendingUpdate> pending, Instant lastUpdate,
            boolean reboot, String error, Instant now, Duration maxPending) {
        return tx.write(em -> {
            Map<String, PendingEntity> old = new HashMap<>();
            for (PendingEntity p : em.createQuery("SELECT p FROM PendingEntity p WHERE p.host = :h",
                    PendingEntity.class).setParameter("h", host).getResultList()) {
                old.put(p.pkg + '\u0000' + p.candidate, p);
            }
            Instant oldest = null;
            int security = 0;
            if (error.isEmpty()) {
                Map<String, Boolean> keep = new HashMap<>();
                for (PendingUpdate u : pending) {
                    String key = u.packageName() + '\u0000' + u.candidate();
                    keep.put(key, Boolean.TRUE);
                    PendingEntity p = old.get(key);
                    if (p == null) {
                        p = new PendingEntity();
                        p.host = host;
                        p.pkg = u.packageName();
                        p.candidate = u.candidate();
                        p.firstSeen = now.toEpochMilli();
                        em.persist(p);
                        old.put(key, p);
                    }
                    p.installed = u.installed();
                    p.origin = u.origin().length() > 500 ? u.origin().substring(0, 500) : u.origin();
                    p.security = u.security();
                    if (u.security()) {
                        security++;
                        Instant since = Instant.ofEpochMilli(p.firstSeen);
                        oldest = oldest == null || since.isBefore(oldest) ? since : oldest;
                    }
                }
                for (var en : old.entrySet()) {
                    if (!keep.containsKey(en.getKey())) {
                        em.remove(en.getValue());
                    }
                }
            }
            PatchEntity e = em.find(PatchEntity.class, host);
            boolean isNew = e == null;
            if (isNew) {
                e = new PatchEntity();
                e.host = host;
            }
            e.checked = now.toEpochMilli();
            e.manager = manager;
            e.securityCount = security;
            e.oldestSince = Tx.millis(oldest);
            e.lastUpdate = Tx.millis(lastUpdate);
            e.reboot = reboot;
            e.compliant = error.isEmpty() && (oldest == null || !oldest.plus(maxPending).isBefore(now));
            e.error = error.length() > 2000 ? error.substring(0, 2000) : error;
            if (isNew) {
                em.persist(e);
            }
            em.flush();
            recordDay(em, now);
            return status(em, e);
        });
    }

    private static void recordDay(EntityManager em, Instant now) {
        List<PatchEntity> all = em.createQuery("SELECT p FROM PatchEntity p", PatchEntity.class).getResultList();
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        ComplianceDayEntity d = em.find(ComplianceDayEntity.class, day);
        if (d == null) {
            d = new ComplianceDayEntity();
            d.day = day;
            em.persist(d);
        }
        d.hosts = all.size();
        d.compliant = (int) all.stream().filter(p -> p.compliant).count();
    }

    private static PatchStatus status(EntityManager em, PatchEntity e) {
        List<PendingUpdate> pending = em.createQuery("SELECT p FROM PendingEntity p WHERE p.host = :h ORDER BY p.pkg",
                PendingEntity.class).setParameter("h", e.host).getResultList().stream()
                .map(p -> new PendingUpdate(p.pkg, p.installed, p.candidate, p.origin, p.security)).toList();
        return new PatchStatus(e.host, Instant.ofEpochMilli(e.checked), e.manager, pending, e.securityCount,
                Tx.instant(e.oldestSince), Tx.instant(e.lastUpdate), e.reboot, e.compliant, e.error);
    }

    /** Every host's last patch status. */
    public List<PatchStatus> patchStatuses() {
        return tx.read(em -> em.createQuery("SELECT p FROM PatchEntity p ORDER BY p.host", PatchEntity.class)
                .getResultList().stream().map(p -> status(em, p)).toList());
    }

    /** The compliance trend of the last {@code days} days that have a record, oldest first. */
    public List<ComplianceDay> trend(int days, Instant now) {
        String from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days).toString();
        return tx.read(em -> em.createQuery(
                "SELECT d FROM ComplianceDayEntity d WHERE d.day > :from ORDER BY d.day", ComplianceDayEntity.class)
                .setParameter("from", from).getResultList().stream()
                .map(d -> new ComplianceDay(LocalDate.parse(d.day), d.hosts, d.compliant,
                        d.hosts == 0 ? 100.0 : 100.0 * d.compliant / d.hosts))
                .toList());
    }

    // ---- ports

    /** The approved {@code protocol/port} keys of a scope ({@code host:NAME} or {@code type:CI_TYPE}). */
    public List<String> baseline(String scope) {
        return tx.read(em -> em.createQuery("SELECT b FROM BaselineEntity b WHERE b.scope = :s ORDER BY b.port",
                BaselineEntity.class).setParameter("s", scope).getResultList().stream()
                .map(b -> b.protocol + "/" + b.port).toList());
    }

    /** Every baseline entry as {@code scope protocol/port}. */
    public List<String> baselines() {
        return tx.read(em -> em.createQuery("SELECT b FROM BaselineEntity b ORDER BY b.scope, b.port",
                BaselineEntity.class).getResultList().stream().map(b -> b.scope + " " + b.protocol + "/" + b.port)
                .toList());
    }

    /** Approves a port for a scope; false when it was approved already. */
    public boolean approve(String scope, String protocol, int port, String by, Instant now) {
        return tx.write(em -> {
            if (!em.createQuery("SELECT b FROM BaselineEntity b WHERE b.scope = :s AND b.protocol = :p AND b.port = :n",
                    BaselineEntity.class).setParameter("s", scope).setParameter("p", protocol)
                    .setParameter("n", port).getResultList().isEmpty()) {
                return false;
            }
            BaselineEntity b = new BaselineEntity();
            b.scope = scope;
            b.protocol = protocol;
            b.port = port;
            b.approvedBy = by;
            b.approvedAt = now.toEpochMilli();
            em.persist(b);
            return true;
        });
    }

    /** Withdraws an approval; false when there was none. */
    public boolean revoke(String scope, String protocol, int port) {
        return tx.write(em -> em.createQuery(
                "DELETE FROM BaselineEntity b WHERE b.scope = :s AND b.protocol = :p AND b.port = :n")
                .setParameter("s", scope).setParameter("p", protocol).setParameter("n", port).executeUpdate() > 0);
    }

    /** Records a host's audit and its current ruleset. */
    public void savePortAudit(PortAudit a, String ruleset) {
        tx.write(em -> {
            PortAuditEntity e = em.find(PortAuditEntity.class, a.host());
            boolean isNew = e == null;
            if (isNew) {
                e = new PortAuditEntity();
                e.host = a.host();
            }
            e.checked = a.checked().toEpochMilli();
            e.source = a.source();
            e.listening = ports(a.listening());
            e.unapproved = ports(a.unapproved());
            e.firewall = a.firewall().length() > 2000 ? a.firewall().substring(0, 2000) : a.firewall();
            e.available = a.firewallAvailable();
            e.ruleset = ruleset;
            e.drift = Tx.join(a.ruleDrift());
            if (isNew) {
                em.persist(e);
            }
            return null;
        });
    }

    private static String ports(List<ListeningPort> ports) {
        return Tx.join(ports.stream().map(p -> p.protocol() + " " + p.address() + " " + p.port()).toList());
    }

    private static List<ListeningPort> ports(String text) {
        List<ListeningPort> out = new ArrayList<>();
        for (String l : Tx.split(text)) {
            String[] f = l.split(" ");
            if (f.length == 3) {
                out.add(new ListeningPort(f[0], f[1], Integer.parseInt(f[2])));
            }
        }
        return out;
    }

    /** Every host's last audit. */
    public List<PortAudit> portAudits() {
        return tx.read(em -> em.createQuery("SELECT a FROM PortAuditEntity a ORDER BY a.host", PortAuditEntity.class)
                .getResultList().stream().map(ComplianceStore::audit).toList());
    }

    /** The last audit of a host, with the ruleset it saw. */
    public Optional<Map.Entry<PortAudit, String>> portAudit(String host) {
        return tx.read(em -> Optional.ofNullable(em.find(PortAuditEntity.class, host))
                .map(e -> Map.entry(audit(e), e.ruleset)));
    }

    private static PortAudit audit(PortAuditEntity e) {
        return new PortAudit(e.host, Instant.ofEpochMilli(e.checked), e.source, ports(e.listening),
                ports(e.unapproved), e.firewall, e.available, Tx.split(e.drift));
    }

    /** The accepted ruleset of a host. */
    public Optional<String> acceptedRuleset(String host) {
        return tx.read(em -> Optional.ofNullable(em.find(RulesetEntity.class, host)).map(r -> r.ruleset));
    }

    /** Accepts {@code ruleset} as the host's expected one; returns the previous one. */
    public Optional<String> acceptRuleset(String host, String ruleset, String by, Instant now) {
        return tx.write(em -> {
            RulesetEntity r = em.find(RulesetEntity.class, host);
            Optional<String> before = Optional.ofNullable(r).map(x -> x.ruleset);
            if (r == null) {
                r = new RulesetEntity();
                r.host = host;
                em.persist(r);
            }
            r.ruleset = ruleset;
            r.acceptedAt = now.toEpochMilli();
            r.acceptedBy = by;
            PortAuditEntity a = em.find(PortAuditEntity.class, host);
            if (a != null && a.ruleset.equals(ruleset)) {
                a.drift = "";
            }
            return before;
        });
    }
}
