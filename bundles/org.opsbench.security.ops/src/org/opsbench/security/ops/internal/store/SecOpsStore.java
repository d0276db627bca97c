package org.opsbench.security.ops.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.AffectedPackage;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.ScanResult;
import org.opsbench.security.ops.SecOpsSettings;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.security.ops.VersionRange;
import org.opsbench.security.ops.internal.match.AdvisoryIndex.Match;

/** Hosts, advisories, findings, signals and settings. Each method is one transaction; API records go out. */
public final class SecOpsStore {

    private final Tx tx;

    /** On the area's transactions. */
    public SecOpsStore(Tx tx) {
        this.tx = tx;
    }

    // ---- hosts

    /** All hosts by name. */
    public List<ManagedHost> hosts() {
        return tx.read(em -> em.createQuery("SELECT h FROM HostEntity h ORDER BY h.name", HostEntity.class)
                .getResultList().stream().map(SecOpsStore::host).toList());
    }

    /** One host. */
    public Optional<ManagedHost> host(String name) {
        return tx.read(em -> Optional.ofNullable(em.find(HostEntity.class, name)).map(SecOpsStore::host));
    }

    /** Creates or replaces a host; returns the previous one. */
    public Optional<ManagedHost> saveHost(ManagedHost h) {
        return tx.write(em -> {
            HostEntity e = em.find(HostEntity.class, h.name());
            Optional<ManagedHost> before = Optional.ofNullable(e).map(SecOpsStore::host);
            if (e == null) {
                e = new HostEntity();
                e.name = h.name();
            }
            e.address = h.address();
            e.port = h.port();
            e.user = h.user();
            e.credentialAlias = h.credentialAlias();
            e.ciId = h.ciId();
            e.ciType = h.ciType();
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes a host with its findings; returns it. */
    public Optional<ManagedHost> deleteHost(String name) {
        return tx.write(em -> {
            HostEntity e = em.find(HostEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            em.createQuery("DELETE FROM FindingEntity f WHERE f.host = :h").setParameter("h", name).executeUpdate();
            em.remove(e);
            return Optional.of(host(e));
        });
    }

    private static ManagedHost host(HostEntity e) {
        return new ManagedHost(e.name, e.address, e.port, e.user, e.credentialAlias, e.ciId, e.ciType);
    }

    // ---- advisories

    /** Stores advisories (replacing those of the same id) in one transaction; returns how many were new. */
    public int saveAdvisories(List<Advisory> advisories) {
        return tx.write(em -> {
            int added = 0;
            for (Advisory a : advisories) {
                AdvisoryEntity e = em.find(AdvisoryEntity.class, a.id());
                boolean isNew = e == null;
                if (isNew) {
                    e = new AdvisoryEntity();
                    e.id = a.id();
                    added++;
                }
                e.aliases = clip(String.join(" ", a.aliases()), 4000);
                e.summary = clip(a.summary(), 4000);
                e.modified = Tx.millis(a.modified());
                e.vector = clip(a.cvssVector(), 300);
                e.score = a.score();
                e.risk = a.risk().name();
                e.affected = encode(a.affected());
                if (isNew) {
                    em.persist(e);
                }
            }
            return added;
        });
    }

    /** Every advisory. */
    public List<Advisory> advisories() {
        return tx.read(em -> em.createQuery("SELECT a FROM AdvisoryEntity a", AdvisoryEntity.class).getResultList()
                .stream().map(SecOpsStore::advisory).toList());
    }

    /** How many advisories are stored. */
    public long advisoryCount() {
        return tx.read(em -> em.createQuery("SELECT COUNT(a) FROM AdvisoryEntity a", Long.class).getSingleResult());
    }

    private static Advisory advisory(AdvisoryEntity e) {
        return new Advisory(e.id, e.aliases.isBlank() ? List.of() : List.of(e.aliases.split(" ")), e.summary,
                Tx.instant(e.modified), e.vector, e.score, RiskLevel.valueOf(e.risk), decode(e.affected));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('|', ' ').replace(';', ' ');
    }

    static String encode(List<AffectedPackage> affected) {
        StringBuilder b = new StringBuilder();
        for (AffectedPackage p : affected) {
            b.append(clean(p.ecosystem())).append('\t').append(clean(p.name())).append('\t')
                    .append(clean(p.urgency())).append('\t');
            for (VersionRange r : p.ranges()) {
                b.append(clean(r.introduced())).append('|').append(clean(r.fixed())).append('|')
                        .append(clean(r.lastAffected())).append(';');
            }
            b.append('\t').append(String.join(" ", p.versions().stream().map(SecOpsStore::clean).toList()))
                    .append('\n');
        }
        return b.toString();
    }

    static List<AffectedPackage> decode(String text) {
        List<AffectedPackage> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                continue;
            }
            List<VersionRange> ranges = new ArrayList<>();
            for (String r : f[3].split(";")) {
                if (!r.isEmpty()) {
                    String[] p = r.split("\\|", -1);
                    ranges.add(new VersionRange(p[0], p[1], p[2]));
                }
            }
            out.add(new AffectedPackage(f[0], f[1], ranges, f[4].isBlank() ? List.of() : List.of(f[4].split(" ")),
                    f[2]));
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    // ---- findings

    /** A scan's outcome: the counts and the findings opened (or reopened) by it. */
    public record Applied(ScanResult result, List<Finding> opened) {
    }

    /**
     * Applies one host's matches in one transaction: new matches open findings, present ones are seen again (a fixed
     * one reopens), open or accepted findings without a match are fixed.
     */
    public Applied applyScan(String host, String ciId, int packages, List<Match> matches, Instant now) {
        return tx.write(em -> {
            Map<String, FindingEntity> existing = new HashMap<>();
            for (FindingEntity f : em.createQuery("SELECT f FROM FindingEntity f WHERE f.host = :h",
                    FindingEntity.class).setParameter("h", host).getResultList()) {
                existing.put(f.pkg + '\u0000' + f.advisoryId, f);
            }
            List<Finding> opened = new ArrayList<>();
            int present = 0;
            Map<String, Boolean> seen = new HashMap<>();
            for (Match m : matches) {
                String key = m.packageName() + '\u0000' + m.advisoryId();
                if (seen.put(key, Boolean.TRUE) != null) {
                    continue;
                }
                FindingEntity f = existing.get(key);
                if (f == null) {
                    f = new FindingEntity();
                    f.host = host;
                    f.pkg = clip(m.packageName(), 300);
                    f.advisoryId = m.advisoryId();
                    f.firstSeen = now.toEpochMilli();
                    f.status = FindingStatus.OPEN.name();
                    f.reason = "";
                    f.acceptedBy = "";
                    fill(f, ciId, m, now);
                    em.persist(f);
                    em.flush();
                    opened.add(finding(f));
                    continue;
                }
                fill(f, ciId, m, now);
                if (f.status.equals(FindingStatus.FIXED.name())) {
                    f.status = FindingStatus.OPEN.name();
                    f.fixedAt = null;
                    opened.add(finding(f));
                } else {
                    present++;
                }
            }
            int fixed = 0;
            for (var en : existing.entrySet()) {
                FindingEntity f = en.getValue();
                if (!seen.containsKey(en.getKey()) && !f.status.equals(FindingStatus.FIXED.name())) {
                    f.status = FindingStatus.FIXED.name();
                    f.fixedAt = now.toEpochMilli();
                    fixed++;
                }
            }
            return new Applied(new ScanResult(host, packages, opened.size(), present, fixed), opened);
        });
    }

    private static void fill(FindingEntity f, String ciId, Match m, Instant now) {
        f.ciId = ciId;
        f.installed = clip(m.installed(), 200);
        f.fixed = clip(m.fixed(), 200);
        f.aliases = clip(String.join(" ", m.aliases()), 4000);
        f.risk = m.risk().name();
        f.score = m.score();
        f.lastSeen = now.toEpochMilli();
    }

    /** Every finding, worst first. */
    public List<Finding> findings() {
        return tx.read(em -> em.createQuery("SELECT f FROM FindingEntity f ORDER BY f.score DESC, f.id",
                FindingEntity.class).getResultList().stream().map(SecOpsStore::finding).toList());
    }

    /** One finding. */
    public Optional<Finding> finding(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(FindingEntity.class, id)).map(SecOpsStore::finding));
    }

    /** Sets a finding's status (accepted with reason, expiry and who; or open again); returns before and after. */
    public Optional<Finding[]> setStatus(long id, FindingStatus status, String reason, Instant until, String by) {
        return tx.write(em -> {
            FindingEntity f = em.find(FindingEntity.class, id);
            if (f == null) {
                return Optional.empty();
            }
            Finding before = finding(f);
            f.status = status.name();
            f.reason = reason == null ? "" : clip(reason, 2000);
            f.until = Tx.millis(until);
            f.acceptedBy = by == null ? "" : by;
            return Optional.of(new Finding[]{before, finding(f)});
        });
    }

    /** Accepted findings whose expiry is at or before {@code now} become open again; returns them (now open). */
    public List<Finding> expireAcceptances(Instant now) {
        return tx.write(em -> {
            List<Finding> out = new ArrayList<>();
            for (FindingEntity f : em.createQuery(
                    "SELECT f FROM FindingEntity f WHERE f.status = :a AND f.until IS NOT NULL AND f.until <= :now",
                    FindingEntity.class).setParameter("a", FindingStatus.ACCEPTED.name())
                    .setParameter("now", now.toEpochMilli()).getResultList()) {
                f.status = FindingStatus.OPEN.name();
                out.add(finding(f));
            }
            return out;
        });
    }

    static Finding finding(FindingEntity f) {
        return new Finding(f.id == null ? 0 : f.id, f.host, f.ciId, f.pkg, f.installed, f.fixed, f.advisoryId,
                f.aliases.isBlank() ? List.of() : List.of(f.aliases.split(" ")), RiskLevel.valueOf(f.risk), f.score,
                Instant.ofEpochMilli(f.firstSeen), Instant.ofEpochMilli(f.lastSeen), FindingStatus.valueOf(f.status),
                f.reason, Tx.instant(f.until), f.acceptedBy, Tx.instant(f.fixedAt));
    }

    // ---- signals

    /** Records a signal unless one with {@code dedupKey} exists; returns it when recorded. */
    public Optional<SecuritySignal> signal(String host, SecuritySignal.Kind kind, Instant at, String summary,
            int count, String dedupKey) {
        return tx.write(em -> {
            if (!em.createQuery("SELECT s.id FROM SignalEntity s WHERE s.dedupKey = :k", Long.class)
                    .setParameter("k", dedupKey).setMaxResults(1).getResultList().isEmpty()) {
                return Optional.empty();
            }
            SignalEntity s = new SignalEntity();
            s.host = host;
            s.kind = kind.name();
            s.occurred = at.toEpochMilli();
            s.summary = clip(summary, 2000);
            s.count = count;
            s.dedupKey = clip(dedupKey, 500);
            em.persist(s);
            em.flush();
            return Optional.of(signal(s));
        });
    }

    /** The latest signals, newest first. */
    public List<SecuritySignal> signals(int limit) {
        return tx.read(em -> em.createQuery("SELECT s FROM SignalEntity s ORDER BY s.occurred DESC, s.id DESC",
                SignalEntity.class).setMaxResults(limit).getResultList().stream().map(SecOpsStore::signal).toList());
    }

    private static SecuritySignal signal(SignalEntity s) {
        return new SecuritySignal(s.id, s.host, SecuritySignal.Kind.valueOf(s.kind), Instant.ofEpochMilli(s.occurred),
                s.summary, s.count);
    }

    // ---- settings

    /** The settings (defaults where none are stored). */
    public SecOpsSettings settings() {
        return tx.read(em -> {
            Map<String, String> v = new HashMap<>();
            em.createQuery("SELECT s FROM SettingEntity s", SettingEntity.class).getResultList()
                    .forEach(s -> v.put(s.name, s.value));
            SecOpsSettings d = SecOpsSettings.DEFAULTS;
            return new SecOpsSettings(RiskLevel.valueOf(v.getOrDefault("eventThreshold", d.eventThreshold().name())),
                    Integer.parseInt(v.getOrDefault("maxPendingDays", "" + d.maxPendingDays())),
                    Integer.parseInt(v.getOrDefault("failedLoginThreshold", "" + d.failedLoginThreshold())),
                    Integer.parseInt(v.getOrDefault("failedLoginWindowMinutes", "" + d.failedLoginWindowMinutes())));
        });
    }

    /** Stores the settings; returns the previous ones. */
    public SecOpsSettings saveSettings(SecOpsSettings s) {
        SecOpsSettings before = settings();
        tx.write(em -> {
            put(em, "eventThreshold", s.eventThreshold().name());
            put(em, "maxPendingDays", "" + s.maxPendingDays());
            put(em, "failedLoginThreshold", "" + s.failedLoginThreshold());
            put(em, "failedLoginWindowMinutes", "" + s.failedLoginWindowMinutes());
            return null;
        });
        return before;
    }

    private static void put(jakarta.persistence.EntityManager em, String name, String value) {
        SettingEntity e = em.find(SettingEntity.class, name);
        if (e == null) {
            e = new SettingEntity();
            e.name = name;
            e.value = value;
            em.persist(e);
        } else {
            e.value = value;
        }
    }
}
