package org.opsbench.backup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression: {@code minute hour day-of-month month day-of-week}, read in a time zone.
 * <p>
 * Each field is {@code *}, a value, a range {@code a-b}, a step {@code * /n} or {@code a-b/n} or {@code a/n}, or a
 * comma-separated list of these. Months may be named {@code JAN}..{@code DEC}, days {@code SUN}..{@code SAT} (0 or 7 is
 * Sunday). As in Vixie cron, when both day-of-month and day-of-week are restricted, a day matching either fires.
 * Shortcuts: {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @hourly}.
 * <p>
 * Daylight saving: a local time that does not exist (skipped by a spring-forward gap) fires at the first instant after
 * the gap, once; a local time that occurs twice (fall back) fires once, at its first occurrence.
 */
public final class CronExpression {

    private static final Map<String, String> SHORTCUTS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean dayRestricted;
    private final boolean weekdayRestricted;

    private CronExpression(String text, BitSet[] fields, boolean dayRestricted, boolean weekdayRestricted) {
        this.text = text;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.days = fields[2];
        this.months = fields[3];
        this.weekdays = fields[4];
        this.dayRestricted = dayRestricted;
        this.weekdayRestricted = weekdayRestricted;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException
     *             naming the field and the part at fault, for example {@code hour: 24 is not within 0-23}
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron expression has five fields: minute hour day month weekday");
        }
        String trimmed = text.trim();
        String expanded = SHORTCUTS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        if (expanded.startsWith("@")) {
            throw new IllegalArgumentException("unknown shortcut " + trimmed);
        }
        String[] parts = expanded.split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException(
                    "a cron expression has five fields (minute hour day month weekday), found " + parts.length);
        }
        BitSet[] fields = new BitSet[5];
        fields[0] = field(0, parts[0], 0, 59, null);
        fields[1] = field(1, parts[1], 0, 23, null);
        fields[2] = field(2, parts[2], 1, 31, null);
        fields[3] = field(3, parts[3], 1, 12, MONTHS);
        fields[4] = field(4, parts[4], 0, 7, DAYS);
        if (fields[4].get(7)) {
            fields[4].set(0);
            fields[4].clear(7);
        }
        boolean dayRestricted = !parts[2].startsWith("*");
        boolean weekdayRestricted = !parts[4].startsWith("*");
        CronExpression cron = new CronExpression(trimmed, fields, dayRestricted, weekdayRestricted);
        if (!weekdayRestricted && !cron.anyDayPossible()) {
            throw new IllegalArgumentException("day of month: no month has day " + parts[2] + " of " + parts[3]);
        }
        return cron;
    }

    private boolean anyDayPossible() {
        int[] lengths = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (int m = 1; m <= 12; m++) {
            if (months.get(m) && days.nextSetBit(1) <= lengths[m - 1] && days.nextSetBit(1) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static BitSet field(int index, String spec, int min, int max, String[] names) {
        BitSet bits = new BitSet(max + 1);
        String name = FIELDS[index];
        for (String item : spec.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException(name + ": empty list item in '" + spec + "'");
            }
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(name, item.substring(slash + 1), 1, max, null);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = index == 4 ? 6 : max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    from = number(name, range.substring(0, dash), min, max, names);
                    to = number(name, range.substring(dash + 1), min, max, names);
                    if (to < from) {
                        throw new IllegalArgumentException(name + ": range " + range + " ends before it starts");
                    }
                } else {
                    from = number(name, range, min, max, names);
                    to = slash >= 0 ? (index == 4 ? 6 : max) : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String field, String text, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a number"
                    + (names == null ? "" : " or name"));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is not within " + min + "-" + max);
        }
        return value;
    }

    /** The expression as written. */
    @Override
    public String toString() {
        return text;
    }

    private boolean dayMatches(LocalDate date) {
        boolean dom = days.get(date.getDayOfMonth());
        boolean dow = weekdays.get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
        if (dayRestricted && weekdayRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    /** The first fire time strictly after {@code after}, in {@code zone}; {@code null} if none within 8 years. */
    public Instant next(Instant after, ZoneId zone) {
        ZonedDateTime from = after.atZone(zone);
        LocalDateTime local = from.toLocalDateTime().withSecond(0).withNano(0).plusMinutes(1);
        // in an overlap, "after" may be in the second occurrence: start searching from its local time
        LocalDate date = local.toLocalDate();
        LocalDate limit = date.plusYears(8);
        LocalTime startTime = local.toLocalTime();
        while (!date.isAfter(limit)) {
            if (months.get(date.getMonthValue()) && dayMatches(date)) {
                for (int h = hours.nextSetBit(date.equals(local.toLocalDate()) ? startTime.getHour() : 0); h >= 0
                        && h < 24; h = hours.nextSetBit(h + 1)) {
                    int firstMinute = date.equals(local.toLocalDate()) && h == startTime.getHour()
                            ? startTime.getMinute()
                            : 0;
                    for (int m = minutes.nextSetBit(firstMinute); m >= 0 && m < 60; m = minutes.nextSetBit(m + 1)) {
                        Instant fire = resolve(LocalDateTime.of(date, LocalTime.of(h, m)), zone);
                        if (fire != null && fire.isAfter(after)) {
                            return fire;
                        }
                    }
                }
            }
            date = date.plusDays(1);
        }
        return null;
    }

    /** The instant of a local time: the first occurrence in an overlap, right after the gap in a gap. */
    private static Instant resolve(LocalDateTime local, ZoneId zone) {
        var rules = zone.getRules();
        List<java.time.ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    /** The next {@code count} fire times after {@code after}, in {@code zone}. */
    public List<Instant> nextTimes(Instant after, ZoneId zone, int count) {
        List<Instant> times = new ArrayList<>(count);
        Instant t = after;
        for (int i = 0; i < count; i++) {
            Instant next = next(t, zone);
            if (next == null) {
                break;
            }
            // a gap makes several local minutes fall on one instant: fire once
            times.add(next);
            t = next;
        }
        return times;
    }
}
