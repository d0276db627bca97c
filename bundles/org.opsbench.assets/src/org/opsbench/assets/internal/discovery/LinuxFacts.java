package org.opsbench.assets.internal.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts of a Linux host from the output of {@link #SCRIPT}: one shell script, so one SSH round trip, whose sections
 * start with {@code @@name} lines. Only facts that describe the machine are kept (no free memory, no uptime), so that a
 * discovery of an unchanged host changes nothing.
 */
public final class LinuxFacts {

    /** What the probe runs; every command may be missing on a host (its section is then empty). */
    public static final String SCRIPT = String.join("\n",
            "export LC_ALL=C PATH=\"$PATH:/usr/sbin:/sbin\"",
            "echo @@hostname; hostname 2>/dev/null || cat /etc/hostname",
            "echo @@fqdn; hostname -f 2>/dev/null",
            "echo @@os; cat /etc/os-release 2>/dev/null",
            "echo @@kernel; uname -s; uname -r; uname -m",
            "echo @@machineid; cat /etc/machine-id 2>/dev/null || cat /var/lib/dbus/machine-id 2>/dev/null",
            "echo @@dmi; for f in product_serial sys_vendor product_name; do printf '%s=' $f;"
                    + " cat /sys/class/dmi/id/$f 2>/dev/null || echo; done",
            "echo @@virt; systemd-detect-virt 2>/dev/null",
            "echo @@cpu; nproc 2>/dev/null; grep -m1 '^model name' /proc/cpuinfo 2>/dev/null",
            "echo @@mem; grep '^MemTotal:' /proc/meminfo 2>/dev/null",
            "echo @@fs; df -P -T -k -l -x tmpfs -x devtmpfs -x overlay -x squashfs 2>/dev/null",
            "echo @@disks; lsblk -b -d -n -o NAME,SIZE,TYPE 2>/dev/null",
            "echo @@addr; ip -o addr show 2>/dev/null",
            "echo @@link; for i in /sys/class/net/*; do printf '%s %s\\n' \"${i##*/}\" \"$(cat $i/address 2>/dev/null)\";"
                    + " done",
            "echo @@packages; dpkg-query -W -f='${Package}\\t${Version}\\n' 2>/dev/null"
                    + " || rpm -qa --qf '%{NAME}\\t%{VERSION}-%{RELEASE}\\n' 2>/dev/null",
            "echo @@listen; ss -H -l -n -t -u 2>/dev/null",
            "echo @@end");

    private LinuxFacts() {
    }

    /** The sections of the output, by name. */
    static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.startsWith("@@")) {
                current = new ArrayList<>();
                out.put(l.substring(2), current);
            } else if (current != null && !l.isEmpty()) {
                current.add(l);
            }
        }
        return out;
    }

    /** The facts in the output; throws when the output is not the script's. */
    public static Map<String, String> parse(String output) {
        Map<String, List<String>> s = sections(output);
        if (!s.containsKey("end") || !s.containsKey("hostname")) {
            throw new IllegalArgumentException("not the output of the discovery script (no @@hostname/@@end)");
        }
        Map<String, String> f = new TreeMap<>();
        first(s, "hostname").ifPresent(v -> f.put("hostname", v));
        first(s, "fqdn").ifPresent(v -> f.put("fqdn", v));
        for (String line : s.getOrDefault("os", List.of())) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String key = line.substring(0, eq);
                String value = unquote(line.substring(eq + 1));
                switch (key) {
                    case "ID" -> f.put("os.id", value);
                    case "PRETTY_NAME" -> f.put("os.name", value);
                    case "VERSION_ID" -> f.put("os.version", value);
                    case "ID_LIKE" -> f.put("os.family", value);
                    case "VERSION_CODENAME" -> f.put("os.codename", value);
                    default -> {
                        // other keys are not kept
                    }
                }
            }
        }
        List<String> kernel = s.getOrDefault("kernel", List.of());
        if (kernel.size() >= 3) {
            f.put("kernel.name", kernel.get(0));
            f.put("kernel.release", kernel.get(1));
            f.put("arch", kernel.get(2));
        }
        first(s, "machineid").ifPresent(v -> f.put("machine.id", v));
        for (String line : s.getOrDefault("dmi", List.of())) {
            int eq = line.indexOf('=');
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (value.isEmpty() || value.equalsIgnoreCase("Not Specified") || value.startsWith("To be filled")) {
                continue;
            }
            switch (line.substring(0, Math.max(eq, 0))) {
                case "product_serial" -> f.put("hardware.serial", value);
                case "sys_vendor" -> f.put("hardware.vendor", value);
                case "product_name" -> f.put("hardware.model", value);
                default -> {
                    // nothing else asked
                }
            }
        }
        first(s, "virt").ifPresent(v -> f.put("virtualization", v));
        List<String> cpu = s.getOrDefault("cpu", List.of());
        for (String line : cpu) {
            if (line.matches("\\d+")) {
                f.put("cpu.count", line);
            } else if (line.startsWith("model name")) {
                f.put("cpu.model", line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " "));
            }
        }
        for (String line : s.getOrDefault("mem", List.of())) {
            String[] p = line.split("\\s+");
            if (p.length >= 2 && p[1].matches("\\d+")) {
                f.put("memory.mb", Long.toString(Long.parseLong(p[1]) / 1024));
            }
        }
        fileSystems(s.getOrDefault("fs", List.of()), f);
        for (String line : s.getOrDefault("disks", List.of())) {
            String[] p = line.strip().split("\\s+");
            if (p.length >= 3 && p[2].equals("disk") && p[1].matches("\\d+")) {
                f.put("disk." + p[0] + ".size.mb", Long.toString(Long.parseLong(p[1]) / (1024 * 1024)));
            }
        }
        network(s.getOrDefault("addr", List.of()), s.getOrDefault("link", List.of()), f);
        int packages = 0;
        for (String line : s.getOrDefault("packages", List.of())) {
            int tab = line.indexOf('\t');
            if (tab > 0 && tab < line.length() - 1) {
                f.put("package." + line.substring(0, tab), line.substring(tab + 1));
                packages++;
            }
        }
        if (s.containsKey("packages")) {
            f.put("packages.count", Integer.toString(packages));
        }
        listening(s.getOrDefault("listen", List.of()), f);
        return f;
    }

    private static void fileSystems(List<String> lines, Map<String, String> f) {
        for (String line : lines) {
            String[] p = line.strip().split("\\s+");
            // Filesystem Type 1024-blocks Used Available Capacity Mounted-on
            if (p.length >= 7 && p[2].matches("\\d+")) {
                String mount = p[6];
                f.put("fs." + mount + ".type", p[1]);
                f.put("fs." + mount + ".device", p[0]);
                f.put("fs." + mount + ".size.mb", Long.toString(Long.parseLong(p[2]) / 1024));
            }
        }
    }

    private static void network(List<String> addr, List<String> link, Map<String, String> f) {
        Map<String, TreeSet<String>> v4 = new TreeMap<>();
        Map<String, TreeSet<String>> v6 = new TreeMap<>();
        String primary = null;
        for (String line : addr) {
            // 2: eth0    inet 10.0.0.5/24 brd ... scope global eth0
            String[] p = line.strip().split("\\s+");
            if (p.length < 4) {
                continue;
            }
            String ifname = p[1].replaceAll(":$", "");
            int at = ifname.indexOf('@');
            if (at > 0) {
                ifname = ifname.substring(0, at);
            }
            if (p[2].equals("inet")) {
                v4.computeIfAbsent(ifname, k -> new TreeSet<>()).add(p[3]);
                if (primary == null && !ifname.equals("lo")) {
                    primary = p[3].replaceAll("/.*", "");
                }
            } else if (p[2].equals("inet6")) {
                v6.computeIfAbsent(ifname, k -> new TreeSet<>()).add(p[3]);
            }
        }
        v4.forEach((i, a) -> f.put("net." + i + ".ipv4", String.join(",", a)));
        v6.forEach((i, a) -> f.put("net." + i + ".ipv6", String.join(",", a)));
        if (primary != null) {
            f.put("ip.address", primary);
        }
        TreeSet<String> macs = new TreeSet<>();
        for (String line : link) {
            String[] p = line.strip().split("\\s+");
            if (p.length == 2 && p[1].matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
                f.put("net." + p[0] + ".mac", p[1]);
                if (!p[1].equals("00:00:00:00:00:00")) {
                    macs.add(p[1]);
                }
            }
        }
        if (!macs.isEmpty()) {
            f.put("mac.addresses", String.join(",", macs));
        }
    }

    private static void listening(List<String> lines, Map<String, String> f) {
        TreeSet<Integer> tcp = new TreeSet<>();
        TreeSet<Integer> udp = new TreeSet<>();
        for (String line : lines) {
            // tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*   (netid first with -t -u together)
            String[] p = line.strip().split("\\s+");
            if (p.length < 5) {
                continue;
            }
            String local = p[4];
            int colon = local.lastIndexOf(':');
            if (colon < 0 || !local.substring(colon + 1).matches("\\d+")) {
                continue;
            }
            int port = Integer.parseInt(local.substring(colon + 1));
            (p[0].equals("udp") ? udp : tcp).add(port);
        }
        if (!tcp.isEmpty()) {
            f.put("listen.tcp", String.join(",", tcp.stream().map(String::valueOf).toList()));
        }
        if (!udp.isEmpty()) {
            f.put("listen.udp", String.join(",", udp.stream().map(String::valueOf).toList()));
        }
    }

    private static java.util.Optional<String> first(Map<String, List<String>> s, String name) {
        List<String> lines = s.getOrDefault(name, List.of());
        return lines.isEmpty() || lines.get(0).isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(lines.get(0).strip());
    }

    private static String unquote(String v) {
        String t = v.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
