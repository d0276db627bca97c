package org.opsbench.security.ops.internal.collect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failed SSH logins from {@code /var/log/auth.log} (syslog's {@code Mmm dd HH:mm:ss host sshd[pid]: ...} or rsyslog's
 * RFC 3339 time) or from {@code journalctl -o short-iso}; and bursts: more than a threshold within a sliding window.
 */
public final class AuthLog {

    /** A failed login: when, the login tried, the source address. */
    public record Failure(Instant at, String user, String source) {
    }

    /** A burst: from the first to the last failure of the window, how many, from which sources. */
    public record Burst(Instant from, Instant to, int count, Set<String> sources) {
    }

    private static final Pattern FAILED = Pattern.compile(
            "sshd(?:-session)?\\[\\d+\\]: Failed (?:password|publickey|keyboard-interactive/pam|none) for "
                    + "(?:invalid user )?(\\S*) from (\\S+)");
    private static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder().appendPattern("MMM")
            .appendLiteral(' ').padNext(2).appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ')
            .appendPattern("HH:mm:ss").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter ISO_COMPACT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /**
     * The command collecting the log since {@code since}: the journal of the ssh units when journalctl reads it, else
     * auth.log (and secure on RHEL).
     */
    public static String script(Instant since) {
        String iso = DateTimeFormatter.ISO_INSTANT.format(since).replace("T", " ").replace("Z", " UTC");
        return "export LC_ALL=C; out=$(journalctl -q --no-pager -o short-iso -u 'ssh*' --since '" + iso
                + "' 2>/dev/null); if [ -n \"$out\" ]; then printf '%s\\n' \"$out\"; else cat /var/log/auth.log"
                + " /var/log/secure 2>/dev/null; fi; true";
    }

    private AuthLog() {
    }

    /**
     * The failed logins of {@code log}; syslog lines without a year take {@code year}, in {@code zone}; lines before
     * {@code since} are skipped.
     */
    public static List<Failure> failures(String log, int year, ZoneId zone, Instant since) {
        List<Failure> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = FAILED.matcher(line);
            if (!m.find()) {
                continue;
            }
            Instant at = time(line, year, zone);
            if (at != null && !at.isBefore(since)) {
                out.add(new Failure(at, m.group(1), m.group(2)));
            }
        }
        return out;
    }

    static Instant time(String line, int year, ZoneId zone) {
        int space = line.indexOf(' ');
        if (space > 0 && Character.isDigit(line.charAt(0))) {
            String stamp = line.substring(0, space);
            try {
                return OffsetDateTime.parse(stamp).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(stamp, ISO_COMPACT).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        if (line.length() < 15) {
            return null;
        }
        try {
            var t = SYSLOG.parse(line.substring(0, 15));
            return LocalDateTime.of(year, t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH),
                    t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                    t.get(ChronoField.SECOND_OF_MINUTE)).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The bursts in {@code failures} (sorted by time): windows of length {@code window} holding at least
     * {@code threshold} failures; overlapping windows merge into one burst.
     */
    public static List<Burst> bursts(List<Failure> failures, int threshold, Duration window) {
        List<Failure> sorted = failures.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        List<Burst> out = new ArrayList<>();
        int start = 0;
        int burstStart = -1;
        int burstEnd = -1;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end).at().minus(window).isAfter(sorted.get(start).at())) {
                start++;
            }
            if (end - start + 1 >= threshold) {
                if (burstStart < 0 || start > burstEnd) {
                    if (burstStart >= 0) {
                        out.add(burst(sorted, burstStart, burstEnd));
                    }
                    burstStart = start;
                }
                burstEnd = end;
            }
        }
        if (burstStart >= 0) {
            out.add(burst(sorted, burstStart, burstEnd));
        }
        return out;
    }

    private static Burst burst(List<Failure> sorted, int from, int to) {
        Set<String> sources = new LinkedHashSet<>();
        for (int i = from; i <= to; i++) {
            sources.add(sorted.get(i).source());
        }
        return new Burst(sorted.get(from).at(), sorted.get(to).at(), to - from + 1, sources);
    }
}
