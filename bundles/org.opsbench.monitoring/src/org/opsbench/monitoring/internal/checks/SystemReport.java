package org.opsbench.monitoring.internal.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux host's load, memory and file system usage as read in one SSH round trip: {@code /proc/loadavg}, the number of
 * online CPUs, {@code /proc/meminfo}, {@code /proc/mounts} (for the file system types) and {@code df -P -k} (POSIX
 * output, 1024-byte blocks, C locale). {@link #command(List)} writes the shell line, {@link #parse} reads its output.
 *
 * @param load
 *            the load averages
 * @param memory
 *            memory and swap
 * @param disks
 *            the file systems kept (pseudo file systems and skipped types left out), or the ones asked for
 * @param missing
 *            for file systems asked for by mount point: those that are not a mount point, each with why
 */
public record SystemReport(Load load, Memory memory, List<Disk> disks, List<String> missing) {

    private static final String MARK = "@@opsbench:";
    private static final Pattern DF_ROW = Pattern
            .compile("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+%|-)\\s+(/.*)$");
    private static final Pattern MEMINFO = Pattern.compile("^([A-Za-z0-9_()]+):\\s+(\\d+)(?:\\s+(kB))?\\s*$");

    /** The load averages over 1, 5 and 15 minutes and the online CPUs (0 when unknown). */
    public record Load(double one, double five, double fifteen, int cpus) {
    }

    /**
     * Memory in bytes. {@code estimated}: the kernel gave no {@code MemAvailable} (before Linux 3.14), so available is
     * free + buffers + page cache.
     */
    public record Memory(long total, long available, long swapTotal, long swapFree, boolean estimated) {

        public double usedPercent() {
            return total <= 0 ? 0 : (total - available) * 100.0 / total;
        }

        public double swapUsedPercent() {
            return swapTotal <= 0 ? 0 : (swapTotal - swapFree) * 100.0 / swapTotal;
        }
    }

    /** A file system as {@code df -P -k} shows it, with its type from {@code /proc/mounts} (empty when unknown). */
    public record Disk(String device, String type, String mount, long totalKb, long usedKb, long availableKb) {

        /** Used in percent of what non-root users can have, as df's Capacity (before rounding up). */
        public double usedPercent() {
            long usable = usedKb + availableKb;
            return usable <= 0 ? 0 : usedKb * 100.0 / usable;
        }
    }

    /** The shell line (for a POSIX shell) that prints what {@link #parse} reads. */
    public static String command(List<String> mounts) {
        StringBuilder line = new StringBuilder();
        section(line, "loadavg").append("cat /proc/loadavg; ");
        section(line, "cpus").append("getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null; ");
        section(line, "meminfo").append("cat /proc/meminfo; ");
        section(line, "mounts").append("cat /proc/mounts; ");
        if (mounts.isEmpty()) {
            section(line, "df").append("env LC_ALL=C df -P -k");
        } else {
            // one df each: a mount point that fails must not shift the rows of the others
            for (String mount : mounts) {
                line.append("printf '%s\\n' ").append(PluginResults.shellQuote(MARK + "df:" + mount + "@@"))
                        .append("; env LC_ALL=C df -P -k ").append(PluginResults.shellQuote(mount)).append("; ");
            }
        }
        return line.toString().strip();
    }

    private static StringBuilder section(StringBuilder line, String name) {
        return line.append("echo '").append(MARK).append(name).append("@@'; ");
    }

    /**
     * Reads the output of {@link #command(List)}.
     *
     * @param skipTypes
     *            file system types left out (when no mount points are asked for)
     * @param mounts
     *            the mount points asked for, or empty for every real file system
     * @throws IllegalArgumentException
     *             when the load or the memory cannot be read; the message says what was missing
     */
    public static SystemReport parse(String output, Set<String> skipTypes, List<String> mounts) {
        Map<String, List<String>> sections = sections(output);
        Load load = load(sections.getOrDefault("loadavg", List.of()), sections.getOrDefault("cpus", List.of()));
        Memory memory = memory(sections.getOrDefault("meminfo", List.of()));
        Map<String, String> types = types(sections.getOrDefault("mounts", List.of()));
        List<Disk> disks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (mounts.isEmpty()) {
            Map<String, Disk> byDevice = new LinkedHashMap<>();
            for (Disk disk : df(sections.getOrDefault("df", List.of()), types)) {
                if (disk.totalKb() == 0 || skipTypes.contains(disk.type())) {
                    continue;
                }
                // bind mounts show one file system several times: keep it once, at its shortest mount point
                String key = disk.device().startsWith("/") ? disk.device() : disk.device() + " " + disk.mount();
                Disk seen = byDevice.get(key);
                if (seen == null || disk.mount().length() < seen.mount().length()) {
                    byDevice.put(key, disk);
                }
            }
            disks.addAll(byDevice.values());
        } else {
            for (String mount : mounts) {
                List<Disk> rows = df(sections.getOrDefault("df:" + mount, List.of()), types);
                if (rows.isEmpty()) {
                    missing.add("no file system at " + mount);
                } else if (!rows.get(0).mount().equals(mount)) {
                    missing.add("nothing is mounted at " + mount + " (it is on " + rows.get(0).mount() + ")");
                } else {
                    disks.add(rows.get(0));
                }
            }
        }
        return new SystemReport(load, memory, List.copyOf(disks), List.copyOf(missing));
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : output.split("\r?\n")) {
            if (line.startsWith(MARK) && line.endsWith("@@")) {
                current = new ArrayList<>();
                sections.put(line.substring(MARK.length(), line.length() - 2), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static Load load(List<String> loadavg, List<String> cpus) {
        String first = loadavg.isEmpty() ? "" : loadavg.get(0).strip();
        String[] fields = first.split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("no load averages (/proc/loadavg) in the output: is the host Linux?");
        }
        double[] averages = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                averages[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("/proc/loadavg: '" + first + "' holds no load averages");
            }
        }
        int count = 0;
        for (String line : cpus) {
            if (line.strip().matches("\\d{1,5}")) {
                count = Integer.parseInt(line.strip());
                break;
            }
        }
        return new Load(averages[0], averages[1], averages[2], count);
    }

    private static Memory memory(List<String> meminfo) {
        Map<String, Long> values = new HashMap<>();
        for (String line : meminfo) {
            Matcher m = MEMINFO.matcher(line.strip());
            if (m.matches()) {
                long value = Long.parseLong(m.group(2));
                values.put(m.group(1), m.group(3) == null ? value : value * 1024);
            }
        }
        Long total = values.get("MemTotal");
        if (total == null || total <= 0) {
            throw new IllegalArgumentException("no MemTotal (/proc/meminfo) in the output: is the host Linux?");
        }
        Long available = values.get("MemAvailable");
        boolean estimated = available == null;
        if (estimated) {
            available = values.getOrDefault("MemFree", 0L) + values.getOrDefault("Buffers", 0L)
                    + values.getOrDefault("Cached", 0L);
        }
        return new Memory(total, Math.min(total, available), values.getOrDefault("SwapTotal", 0L),
                values.getOrDefault("SwapFree", 0L), estimated);
    }

    /** Mount point to file system type; the last mount of a point wins, as it hides the earlier ones. */
    private static Map<String, String> types(List<String> mounts) {
        Map<String, String> types = new HashMap<>();
        for (String line : mounts) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 3) {
                types.put(unescape(fields[1]), fields[2]);
            }
        }
        return types;
    }

    private static List<Disk> df(List<String> lines, Map<String, String> types) {
        List<Disk> disks = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Filesystem")) {
                continue;
            }
            Matcher m = DF_ROW.matcher(line.stripTrailing());
            if (m.matches()) {
                String mount = m.group(6);
                disks.add(new Disk(m.group(1).strip(), types.getOrDefault(mount, ""), mount,
                        Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
            }
        }
        return disks;
    }

    /** {@code /proc/mounts} writes space, tab, newline and backslash in names as octal escapes. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The file system types left out by default: memory-backed, read-only images, container layers. */
    public static final String DEFAULT_SKIP_TYPES = String.join(",", "tmpfs", "devtmpfs", "ramfs", "squashfs",
            "iso9660",
            "udf", "overlay", "aufs", "efivarfs", "fuse.lxcfs", "fuse.snapfuse", "fuse.gvfsd-fuse");
}
