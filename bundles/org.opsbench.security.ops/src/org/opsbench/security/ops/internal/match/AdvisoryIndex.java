package org.opsbench.security.ops.internal.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.AffectedPackage;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.VersionRange;
import org.opsbench.security.ops.internal.version.VersionScheme;

/**
 * Advisories indexed by (ecosystem family, package name), their ranges compiled into pre-parsed version keys, so that
 * matching an installed package costs one hash look-up and a few key comparisons. Immutable; plain Java.
 */
public final class AdvisoryIndex {

    /** A match of an installed package and an advisory: the fixed version is {@code ""} when none is known. */
    public record Match(String advisoryId, List<String> aliases, String packageName, String installed, String fixed,
            RiskLevel risk, double score) {
    }

    private record Interval(Object from, boolean fromZero, Object fixed, String fixedText, Object last) {
    }

    private record Entry(Advisory advisory, String release, VersionScheme scheme, List<Interval> intervals,
            List<Object> versions, RiskLevel risk) {
    }

    private final Map<String, List<Entry>> byPackage = new HashMap<>();
    private final int advisories;

    /** Compiles {@code advisories}. */
    public AdvisoryIndex(List<Advisory> advisories) {
        this.advisories = advisories.size();
        for (Advisory a : advisories) {
            for (AffectedPackage p : a.affected()) {
                VersionScheme scheme = VersionScheme.of(p.ecosystem());
                List<Interval> intervals = new ArrayList<>();
                for (VersionRange r : p.ranges()) {
                    boolean zero = r.introduced().equals("0");
                    intervals.add(new Interval(zero ? null : scheme.key(r.introduced()), zero,
                            r.fixed().isEmpty() ? null : scheme.key(r.fixed()), r.fixed(),
                            r.lastAffected().isEmpty() ? null : scheme.key(r.lastAffected())));
                }
                List<Object> versions = p.versions().stream().map(scheme::key).toList();
                RiskLevel risk = a.score() >= 0
                        ? a.risk()
                        : p.urgency().isEmpty() ? a.risk() : RiskLevel.ofUrgency(p.urgency());
                byPackage.computeIfAbsent(key(VersionScheme.family(p.ecosystem()), p.name()), k -> new ArrayList<>())
                        .add(new Entry(a, VersionScheme.release(p.ecosystem()), scheme, intervals, versions, risk));
            }
        }
    }

    private static String key(String family, String name) {
        return family + '\u0000' + name;
    }

    /** How many advisories were indexed. */
    public int advisories() {
        return advisories;
    }

    /** How many (ecosystem, package) keys the index holds. */
    public int packages() {
        return byPackage.size();
    }

    /** The advisories affecting the installed packages of one host. */
    public List<Match> match(List<InstalledPackage> installed) {
        List<Match> out = new ArrayList<>();
        String ecosystem = null;
        String family = "";
        String release = "";
        for (InstalledPackage p : installed) {
            if (!p.ecosystem().equals(ecosystem)) {
                ecosystem = p.ecosystem();
                family = VersionScheme.family(ecosystem);
                release = VersionScheme.release(ecosystem);
            }
            match(p, family, release, out);
        }
        return out;
    }

    /** Adds the matches of one installed package to {@code out}. */
    public void match(InstalledPackage p, List<Match> out) {
        match(p, VersionScheme.family(p.ecosystem()), VersionScheme.release(p.ecosystem()), out);
    }

    private void match(InstalledPackage p, String family, String release, List<Match> out) {
        List<Entry> entries = byPackage.get(key(family, p.name()));
        if (entries == null) {
            return;
        }
        Object installed = null;
        for (Entry e : entries) {
            if (!e.release.isEmpty() && !release.isEmpty() && !e.release.equals(release)) {
                continue;
            }
            if (installed == null) {
                installed = e.scheme.key(p.version());
            }
            String fixed = affects(e, installed);
            if (fixed != null) {
                out.add(new Match(e.advisory.id(), e.advisory.aliases(), p.name(), p.version(), fixed, e.risk,
                        e.advisory.score()));
            }
        }
    }

    /** The fixed version ({@code ""} if none) when {@code v} is affected, else {@code null}. */
    private static String affects(Entry e, Object v) {
        VersionScheme s = e.scheme;
        for (Interval i : e.intervals) {
            if (!i.fromZero && s.compare(v, i.from) < 0) {
                continue;
            }
            if (i.fixed != null) {
                if (s.compare(v, i.fixed) < 0) {
                    return i.fixedText;
                }
            } else if (i.last != null) {
                if (s.compare(v, i.last) <= 0) {
                    return "";
                }
            } else {
                return "";
            }
        }
        for (Object listed : e.versions) {
            if (s.compare(v, listed) == 0) {
                return "";
            }
        }
        return null;
    }
}
