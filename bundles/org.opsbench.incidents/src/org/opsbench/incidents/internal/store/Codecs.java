package org.opsbench.incidents.internal.store;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.opsbench.core.Priority;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.SlaPolicy;

/** Text forms of the settings kept in {@code INC_SETTING}: {@code key=value} lines. */
public final class Codecs {

    private Codecs() {
    }

    static Map<String, String> lines(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    /** The calendar as lines. */
    public static String calendar(BusinessCalendar c) {
        return "zone=" + c.zone().getId() + "\ndays="
                + c.workingDays().stream().sorted().map(Enum::name).collect(Collectors.joining(",")) + "\nhours="
                + c.start() + "-" + (c.end().equals(LocalTime.MAX) ? "24:00" : c.end()) + "\nholidays="
                + new TreeSet<>(c.holidays()).stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** Parses {@link #calendar(BusinessCalendar)}. */
    public static BusinessCalendar calendar(String text) {
        Map<String, String> m = lines(text);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : m.getOrDefault("days", "").split(",")) {
            if (!d.isBlank()) {
                days.add(DayOfWeek.valueOf(d.strip()));
            }
        }
        String[] hours = m.getOrDefault("hours", "08:00-18:00").split("-");
        Set<LocalDate> holidays = new TreeSet<>();
        for (String h : m.getOrDefault("holidays", "").split(",")) {
            if (!h.isBlank()) {
                holidays.add(LocalDate.parse(h.strip()));
            }
        }
        return new BusinessCalendar(ZoneId.of(m.getOrDefault("zone", "UTC")), days, LocalTime.parse(hours[0]),
                hours[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(hours[1]), holidays);
    }

    /** Policies, one a line: {@code name|priority|category|response|resolution|warn|raise|reassign|notify}. */
    public static String policies(List<SlaPolicy> policies) {
        StringBuilder b = new StringBuilder();
        for (SlaPolicy p : policies) {
            b.append(String.join("|", p.name(), p.priority().name(), p.category() == null ? "" : p.category(),
                    p.response().toString(), p.resolution().toString(), Integer.toString(p.warnPercent()),
                    Boolean.toString(p.escalation().raisePriority()),
                    p.escalation().reassignTo() == null ? "" : p.escalation().reassignTo(),
                    Boolean.toString(p.escalation().alert()))).append('\n');
        }
        return b.toString();
    }

    /** Parses {@link #policies(List)}. */
    public static List<SlaPolicy> policies(String text) {
        List<SlaPolicy> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split("\\|", -1);
            out.add(new SlaPolicy(p[0], Priority.valueOf(p[1]), p[2], Duration.parse(p[3]), Duration.parse(p[4]),
                    Integer.parseInt(p[5]), new SlaPolicy.Escalation(Boolean.parseBoolean(p[6]),
                            p[7].isEmpty() ? null : p[7], Boolean.parseBoolean(p[8]))));
        }
        return out;
    }

    /** The switches as lines. */
    public static String settings(IncidentsAdmin.Settings s) {
        return "reopenWindow=" + s.reopenWindow() + "\nattachmentLimit=" + s.attachmentLimit() + "\nautoResolve="
                + s.autoResolve() + "\nmonitoringGroup=" + (s.monitoringGroup() == null ? "" : s.monitoringGroup());
    }

    /** Parses {@link #settings(IncidentsAdmin.Settings)}. */
    public static IncidentsAdmin.Settings settings(String text) {
        Map<String, String> m = lines(text);
        IncidentsAdmin.Settings d = IncidentsAdmin.Settings.defaults();
        return new IncidentsAdmin.Settings(Duration.parse(m.getOrDefault("reopenWindow", d.reopenWindow().toString())),
                Long.parseLong(m.getOrDefault("attachmentLimit", Long.toString(d.attachmentLimit()))),
                Boolean.parseBoolean(m.getOrDefault("autoResolve", "true")), m.get("monitoringGroup"));
    }

    /** The default policies: P1 1h/4h, P2 2h/8h, P3 4h/3d(30h), P4 8h/5d(50h), P5 2d/10d, all warning at 80 %. */
    public static List<SlaPolicy> defaultPolicies() {
        return List.of(policy("P1", Priority.P1, 1, 4), policy("P2", Priority.P2, 2, 8),
                policy("P3", Priority.P3, 4, 30), policy("P4", Priority.P4, 8, 50),
                policy("P5", Priority.P5, 20, 100));
    }

    private static SlaPolicy policy(String name, Priority p, int responseHours, int resolutionHours) {
        return new SlaPolicy(name, p, null, Duration.ofHours(responseHours), Duration.ofHours(resolutionHours), 80,
                SlaPolicy.Escalation.none());
    }
}
