package org.opsbench.security.ops.internal.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.security.ops.PendingUpdate;

/**
 * Pending updates from apt ({@code apt-get -s upgrade}, {@code apt list --upgradable}) and dnf
 * ({@code dnf updateinfo list --security}, {@code dnf check-update}); security = from a {@code *-security} origin or
 * pocket, or named by a security advisory. Nothing is installed: apt only simulates.
 */
public final class PatchOutput {

    /**
     * One script: the package manager, the simulated upgrade or the check, the last package change (epoch seconds) and
     * whether a reboot is required. Sections start with {@code @@name}.
     */
    public static final String SCRIPT = String.join("\n", "export LC_ALL=C PATH=\"$PATH:/usr/sbin:/sbin\"",
            "if command -v apt-get >/dev/null 2>&1; then",
            "  echo @@manager apt; echo @@simulate; apt-get -s -o Debug::NoLocking=1 upgrade 2>/dev/null",
            "  echo @@last; stat -c %Y /var/lib/dpkg/status 2>/dev/null",
            "  echo @@reboot; if [ -f /var/run/reboot-required ]; then echo yes; else echo no; fi",
            "elif command -v dnf >/dev/null 2>&1; then",
            "  echo @@manager dnf; echo @@security; dnf -q updateinfo list --security 2>/dev/null",
            "  echo @@check; dnf -q check-update 2>/dev/null",
            "  echo @@last; rpm -qa --qf '%{INSTALLTIME}\\n' 2>/dev/null | sort -n | tail -1",
            "  echo @@reboot; if command -v needs-restarting >/dev/null 2>&1; then needs-restarting -r >/dev/null 2>&1;"
                    + " [ $? -eq 1 ] && echo yes || echo no; else echo unknown; fi",
            "else echo @@manager none; fi", "echo @@end");

    private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[([^\\]]+)\\] )?\\((\\S+) ([^\\[]*)\\[");
    private static final Pattern UPGRADABLE = Pattern
            .compile("^([^/\\s]+)/(\\S+) (\\S+) \\S+(?: \\[upgradable from: ([^\\]]+)\\])?");
    private static final Pattern DNF_SEC = Pattern.compile("^(\\S+)\\s+(\\S+/Sec\\.|security)\\s+(\\S+)$");
    private static final Pattern DNF_CHECK = Pattern.compile("^(\\S+)\\.(\\w+)\\s+(\\S+)\\s+(\\S+)$");

    /** The parsed sections of the script's output. */
    public record Collected(String manager, List<PendingUpdate> pending, Instant lastUpdate, Boolean rebootRequired) {
    }

    private PatchOutput() {
    }

    /** Lines of {@code apt-get -s upgrade}: {@code Inst pkg [old] (new Origin:rel/pocket, ... [arch])}. */
    public static List<PendingUpdate> aptSimulate(String output) {
        Map<String, PendingUpdate> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = INST.matcher(line);
            if (m.find()) {
                String origin = m.group(4).strip().replaceAll(",$", "");
                boolean security = origin.contains("-security") || origin.contains("Security:");
                out.put(m.group(1), new PendingUpdate(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3),
                        origin, security));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Lines of {@code apt list --upgradable}: {@code pkg/pocket[,pocket] new arch [upgradable from: old]}. */
    public static List<PendingUpdate> aptList(String output) {
        List<PendingUpdate> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = UPGRADABLE.matcher(line.strip());
            if (m.find() && !line.startsWith("Listing")) {
                out.add(new PendingUpdate(m.group(1), m.group(4) == null ? "" : m.group(4), m.group(3), m.group(2),
                        m.group(2).contains("-security")));
            }
        }
        return out;
    }

    /**
     * {@code dnf check-update} lines ({@code name.arch version repo}) joined with {@code dnf updateinfo list
     * --security} lines ({@code ADVISORY Severity/Sec. name-[epoch:]version-release.arch}): a package is a security
     * update when an advisory names it.
     */
    public static List<PendingUpdate> dnf(String securityList, String checkUpdate) {
        Map<String, String> secByNevra = new HashMap<>();
        for (String line : securityList.split("\n")) {
            Matcher m = DNF_SEC.matcher(line.strip());
            if (m.find()) {
                secByNevra.put(m.group(3), m.group(1));
            }
        }
        List<PendingUpdate> out = new ArrayList<>();
        for (String line : checkUpdate.split("\n")) {
            if (line.startsWith("Obsoleting")) {
                break;
            }
            Matcher m = DNF_CHECK.matcher(line.strip());
            if (!m.find() || line.startsWith("Last metadata") || line.startsWith(" ")) {
                continue;
            }
            String name = m.group(1);
            String evr = m.group(3);
            String nevra = name + "-" + evr + "." + m.group(2);
            String advisory = secByNevra.get(nevra);
            if (advisory == null && evr.contains(":")) {
                advisory = secByNevra.get(name + "-" + evr.substring(evr.indexOf(':') + 1) + "." + m.group(2));
            }
            out.add(new PendingUpdate(name, "", evr, m.group(4) + (advisory == null ? "" : " " + advisory),
                    advisory != null));
        }
        return out;
    }

    /** Parses the {@link #SCRIPT}'s output. */
    public static Collected parse(String output) {
        Map<String, StringBuilder> s = new HashMap<>();
        String manager = "none";
        String section = "";
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@manager ")) {
                manager = line.substring(10).strip();
                continue;
            }
            if (line.startsWith("@@")) {
                section = line.substring(2).strip();
                continue;
            }
            s.computeIfAbsent(section, k -> new StringBuilder()).append(line).append('\n');
        }
        List<PendingUpdate> pending = switch (manager) {
            case "apt" -> aptSimulate(text(s, "simulate"));
            case "dnf" -> dnf(text(s, "security"), text(s, "check"));
            default -> List.of();
        };
        Instant last = null;
        String l = text(s, "last").strip();
        if (l.matches("\\d+")) {
            last = Instant.ofEpochSecond(Long.parseLong(l));
        }
        String r = text(s, "reboot").strip();
        Boolean reboot = r.equals("yes") ? Boolean.TRUE : r.equals("no") ? Boolean.FALSE : null;
        return new Collected(manager, pending, last, reboot);
    }

    private static String text(Map<String, StringBuilder> s, String key) {
        StringBuilder b = s.get(key);
        return b == null ? "" : b.toString();
    }
}
