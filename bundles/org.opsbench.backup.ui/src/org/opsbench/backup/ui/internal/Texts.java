package org.opsbench.backup.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.opsbench.backup.CronExpression;

/** Formatting for the backup views. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Texts() {
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone)) + " " + zone.getId();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }

    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() < 10_000 ? d.toMillis() + " ms" : s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 172_800) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86400 + " d " + s % 86400 / 3600 + " h";
    }

    /** The next five fire times of {@code cron} in {@code zone}, one per line, or why not. */
    static String nextFive(String cron, String zone) {
        if (cron == null || cron.isBlank()) {
            return "runs on demand only";
        }
        try {
            ZoneId z = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
            List<Instant> next = CronExpression.parse(cron).nextTimes(Instant.now(), z, 5);
            StringBuilder out = new StringBuilder("next runs:");
            next.forEach(t -> out.append("\n  ").append(time(t, z)));
            return out.toString();
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}
