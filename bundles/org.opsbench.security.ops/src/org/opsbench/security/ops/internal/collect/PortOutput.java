package org.opsbench.security.ops.internal.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opsbench.security.ops.ListeningPort;

/**
 * Listening sockets from {@code ss -H -ltnu}, or from {@code /proc/net/tcp*} and {@code /proc/net/udp*} where ss is
 * missing; the firewall ruleset from {@code nft list ruleset} or {@code iptables-save}, which may need root or be
 * absent: then "not available" with the reason.
 */
public final class PortOutput {

    /** The collecting script: sections {@code @@ss}, {@code @@proc}, {@code @@nft}, {@code @@iptables}. */
    public static final String SCRIPT = String.join("\n", "export LC_ALL=C PATH=\"$PATH:/usr/sbin:/sbin\"",
            "if command -v ss >/dev/null 2>&1; then echo @@ss; ss -H -ltnu 2>&1; else echo @@proc;"
                    + " for f in /proc/net/tcp /proc/net/tcp6; do [ -r $f ] && sed 's/^/tcp /' $f; done;"
                    + " for f in /proc/net/udp /proc/net/udp6; do [ -r $f ] && sed 's/^/udp /' $f; done; fi",
            "if command -v nft >/dev/null 2>&1; then echo @@nft; nft list ruleset 2>&1; echo \"@@rc $?\";"
                    + " elif command -v iptables-save >/dev/null 2>&1; then echo @@iptables; iptables-save 2>&1;"
                    + " echo \"@@rc $?\"; else echo @@none; fi",
            "echo @@end");

    /** The parsed output: where the ports came from, the ports, the ruleset or why it is not available. */
    public record Collected(String source, List<ListeningPort> ports, boolean firewallAvailable, String firewall,
            String ruleset) {
    }

    private PortOutput() {
    }

    /** {@code ss -H -ltnu} lines: {@code Netid State Recv-Q Send-Q Local:Port Peer:Port [Process]}. */
    public static List<ListeningPort> ss(String output) {
        Set<ListeningPort> out = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5 || !(f[0].equals("tcp") || f[0].equals("udp"))) {
                continue;
            }
            String local = f[4];
            int colon = local.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String port = local.substring(colon + 1);
            if (!port.matches("\\d+")) {
                continue;
            }
            String address = local.substring(0, colon).replace("[", "").replace("]", "");
            int pct = address.indexOf('%');
            if (pct >= 0) {
                address = address.substring(0, pct);
            }
            out.add(new ListeningPort(f[0], unmap(address), Integer.parseInt(port)));
        }
        return new ArrayList<>(out);
    }

    /**
     * {@code /proc/net/tcp} style lines, each prefixed with the protocol ({@code tcp  0: 0100007F:1F90 00000000:0000
     * 0A ...}): TCP sockets in state {@code 0A} (LISTEN), UDP sockets in state {@code 07} (unconnected, bound).
     */
    public static List<ListeningPort> proc(String output) {
        Set<ListeningPort> out = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5 || f[1].equals("sl") || !f[1].endsWith(":")) {
                continue;
            }
            String proto = f[0];
            String state = f[4];
            if (!(proto.equals("tcp") && state.equals("0A")) && !(proto.equals("udp") && state.equals("07"))) {
                continue;
            }
            String[] local = f[2].split(":");
            if (local.length != 2) {
                continue;
            }
            out.add(new ListeningPort(proto, unmap(hexAddress(local[0])), Integer.parseInt(local[1], 16)));
        }
        return new ArrayList<>(out);
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}, a Java listener) as the IPv4 address it is. */
    static String unmap(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (a.startsWith("::ffff:") && a.indexOf('.') > 0) {
            return address.substring(7);
        }
        return address;
    }

    /** A little-endian hex IPv4 ({@code 0100007F}) or IPv6 address of /proc/net. */
    static String hexAddress(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < hex.length() / 8; w++) {
            String word = hex.substring(w * 8, w * 8 + 8);
            for (int i = 6; i >= 0; i -= 2) {
                b.append(word, i, i + 2);
                if (i == 4 || i == 0) {
                    b.append(':');
                }
            }
        }
        String full = b.substring(0, b.length() - 1);
        return full.equals("0000:0000:0000:0000:0000:0000:0000:0000") ? "::" : full;
    }

    /** Parses the {@link #SCRIPT}'s output. */
    public static Collected parse(String output) {
        Map<String, StringBuilder> s = new LinkedHashMap<>();
        String section = "";
        String rc = "";
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@rc ")) {
                rc = line.substring(5).strip();
                continue;
            }
            if (line.startsWith("@@")) {
                section = line.substring(2).strip();
                s.computeIfAbsent(section, k -> new StringBuilder());
                continue;
            }
            s.computeIfAbsent(section, k -> new StringBuilder()).append(line).append('\n');
        }
        String source = s.containsKey("ss") ? "ss" : "/proc/net";
        List<ListeningPort> ports = s.containsKey("ss")
                ? ss(s.get("ss").toString())
                : proc(s.getOrDefault("proc", new StringBuilder()).toString());
        String tool = s.containsKey("nft") ? "nft" : s.containsKey("iptables") ? "iptables" : "";
        if (tool.isEmpty()) {
            return new Collected(source, ports, false, "not available: neither nft nor iptables-save is installed",
                    "");
        }
        String text = s.get(tool).toString().strip();
        if (!rc.equals("0")) {
            String first = text.isEmpty() ? "exit code " + rc : text.lines().findFirst().orElse("");
            return new Collected(source, ports, false, "not available: " + tool + " failed (" + first + ")", "");
        }
        return new Collected(source, ports, true, tool.equals("nft") ? "nft list ruleset" : "iptables-save",
                normalize(text));
    }

    /** A ruleset without iptables-save's comment and counter lines, so that only rule changes count as drift. */
    static String normalize(String ruleset) {
        StringBuilder out = new StringBuilder();
        for (String line : ruleset.split("\n")) {
            String l = line.stripTrailing();
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            out.append(l.replaceAll("\\[\\d+:\\d+\\]", "[0:0]")).append('\n');
        }
        return out.toString();
    }

    /** The lines of {@code current} not in {@code accepted} ({@code + }) and the other way round ({@code - }). */
    public static List<String> drift(String accepted, String current) {
        List<String> a = List.of(accepted.split("\n"));
        List<String> c = List.of(current.split("\n"));
        List<String> out = new ArrayList<>();
        Collection<String> as = new LinkedHashSet<>(a);
        Collection<String> cs = new LinkedHashSet<>(c);
        for (String l : c) {
            if (!l.isBlank() && !as.contains(l)) {
                out.add("+ " + l);
            }
        }
        for (String l : a) {
            if (!l.isBlank() && !cs.contains(l)) {
                out.add("- " + l);
            }
        }
        return out;
    }
}
