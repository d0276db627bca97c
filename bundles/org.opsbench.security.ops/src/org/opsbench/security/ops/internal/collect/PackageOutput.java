package org.opsbench.security.ops.internal.collect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opsbench.security.ops.InstalledPackage;

/** Installed packages from {@code dpkg-query}, {@code rpm -qa} or CI facts, and the host's OSV ecosystem. */
public final class PackageOutput {

    /**
     * One script: the os-release line, then the packages. dpkg lines are {@code status TAB package TAB version TAB
     * source TAB source-version}; rpm lines {@code rpm TAB name TAB [epoch:]version-release}.
     */
    public static final String SCRIPT = "export LC_ALL=C; . /etc/os-release 2>/dev/null; echo \"@@os $ID $VERSION_ID\";"
            + " if command -v dpkg-query >/dev/null 2>&1; then dpkg-query -W -f='${db:Status-Abbrev}\\t${Package}\\t"
            + "${Version}\\t${source:Package}\\t${source:Version}\\n'; else rpm -qa --qf 'rpm\\t%{NAME}\\t"
            + "%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\n'; fi";

    private PackageOutput() {
    }

    /** The OSV ecosystem of an os-release {@code ID} and {@code VERSION_ID}: {@code debian 12} to {@code Debian:12}. */
    public static String ecosystem(String id, String versionId) {
        String v = versionId == null ? "" : versionId.strip();
        String major = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
        String name = switch (id == null ? "" : id.strip().toLowerCase(Locale.ROOT)) {
            case "debian" -> "Debian:" + major;
            case "ubuntu" -> "Ubuntu:" + v;
            case "almalinux" -> "AlmaLinux:" + major;
            case "rocky" -> "Rocky Linux:" + major;
            case "rhel" -> "Red Hat:" + major;
            case "opensuse-leap" -> "openSUSE:" + v;
            case "sles" -> "SUSE:" + v;
            case "alpine" -> "Alpine:v" + v;
            default -> id == null || id.isBlank() ? "unknown" : id + (v.isEmpty() ? "" : ":" + v);
        };
        return name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
    }

    /** Parses the {@link #SCRIPT}'s output; for Debian a package is listed under its binary and its source name. */
    public static List<InstalledPackage> parse(String output) {
        String ecosystem = "unknown";
        Set<InstalledPackage> out = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("@@os ")) {
                String[] p = line.substring(5).strip().split(" ");
                ecosystem = ecosystem(p.length > 0 ? p[0] : "", p.length > 1 ? p[1] : "");
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length >= 3 && f[0].equals("rpm")) {
                out.add(new InstalledPackage(ecosystem, f[1], f[2].strip()));
            } else if (f.length >= 3 && f[0].startsWith("ii")) {
                out.add(new InstalledPackage(ecosystem, f[1], f[2]));
                if (f.length >= 5 && !f[3].isBlank() && !f[3].equals(f[1])) {
                    out.add(new InstalledPackage(ecosystem, f[3], f[4].isBlank() ? f[2] : f[4]));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The packages the assets area's discovery recorded as facts ({@code package.NAME} = version, {@code os.id},
     * {@code os.version}); empty when discovery recorded none.
     */
    public static List<InstalledPackage> fromFacts(Map<String, String> facts) {
        String ecosystem = ecosystem(facts.getOrDefault("os.id", ""), facts.getOrDefault("os.version", ""));
        List<InstalledPackage> out = new ArrayList<>();
        facts.forEach((k, v) -> {
            if (k.startsWith("package.") && !k.equals("packages.count")) {
                out.add(new InstalledPackage(ecosystem, k.substring("package.".length()), v));
            }
        });
        return out;
    }
}
