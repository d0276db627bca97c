package org.opsbench.monitoring.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code history [-n N] HOST[/CHECK]}, {@code alerts [-n N]} and {@code availability HOST[/CHECK] [PERIOD | FROM TO]}:
 * what happened, newest first.
 */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=history",
        "osgi.command.function=alerts", "osgi.command.function=availability"})
public final class HistoryCommand extends MonitoringCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("history", "alerts", "availability"));
    private static final String AVAILABILITY = "availability HOST[/CHECK] [PERIOD | FROM TO]   (PERIOD like 24h,"
            + " the default, or 7d; FROM and TO ISO times, TO may be a duration after FROM)";

    private final Monitoring monitoring;

    @Activate
    public HistoryCommand(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    Set<String> functions() {
        return FUNCTIONS;
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal caller = principal(session);
        return switch (function) {
            case "history" -> history(caller, args);
            case "alerts" -> alerts(caller, args);
            default -> availability(caller, args);
        };
    }

    /** Takes {@code -n N} off the front; returns the count and leaves the rest in {@code rest}. */
    private static int limit(List<String> args, List<String> rest, String usage) {
        int n = 20;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-n")) {
                n = count("-n", arg(args, ++i, usage));
            } else {
                rest.add(args.get(i));
            }
        }
        return n;
    }

    private String history(Principal caller, List<String> args) {
        String usage = "history [-n N] HOST[/CHECK]";
        List<String> rest = new ArrayList<>();
        int n = limit(args, rest, usage);
        noMoreThan(rest, 1, usage);
        CheckKey key = existing(monitoring, caller, arg(rest, 0, usage));
        List<StateHistoryEntry> entries = monitoring.history(caller, key, Instant.EPOCH, now().plusSeconds(1), n);
        Table t = new Table("TIME", "FROM", "TO", "HARD/SOFT", "OUTPUT");
        for (StateHistoryEntry e : entries) {
            t.row(Times.format(e.time()), e.oldState(), e.newState(), e.stateType(), e.output());
        }
        return t.isEmpty() ? "no state changes of " + key : t.toString();
    }

    private String alerts(Principal caller, List<String> args) {
        String usage = "alerts [-n N]";
        List<String> rest = new ArrayList<>();
        int n = limit(args, rest, usage);
        noMoreThan(rest, 0, usage);
        Table t = new Table("TIME", "KIND", "HOST/CHECK", "STATE", "OUTCOME", "RULE", "NOTIFIER", "DETAIL");
        for (AlertRecord a : monitoring.alerts(caller, Instant.EPOCH, now().plusSeconds(1), n)) {
            t.row(Times.format(a.time()), a.kind(), a.key(), a.state(), a.outcome(), a.rule(), a.notifier(),
                    a.detail());
        }
        return t.isEmpty() ? "no alerts" : t.toString();
    }

    private String availability(Principal caller, List<String> args) {
        noMoreThan(args, 3, AVAILABILITY);
        CheckKey key = existing(monitoring, caller, arg(args, 0, AVAILABILITY));
        Instant now = now();
        Instant from;
        Instant to;
        if (args.size() == 3) {
            ZoneId zone = ZoneId.systemDefault();
            from = Times.instant("FROM", args.get(1), now, zone);
            to = Times.end("TO", args.get(2), from, now, zone);
        } else {
            to = now;
            from = to.minus(args.size() == 2 ? Times.duration("PERIOD", args.get(1)) : Duration.ofHours(24));
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("TO: must be after FROM " + Times.format(from));
        }
        Monitoring.Availability a = monitoring.availability(caller, key, from, to);
        Table t = new Table("HOST/CHECK", "FROM", "TO", "AVAILABLE", key.isHost() ? "UP" : "OK", "PROBLEM",
                "NO DATA");
        t.row(key, Times.format(from), Times.format(to), String.format(Locale.ROOT, "%.3f%%", a.percent()),
                millis(a.okMillis()), millis(a.problemMillis()), millis(a.unknownMillis()));
        return t.toString();
    }

    /** To the millisecond under a minute (a check that just ran), else to the second. */
    private static String millis(long ms) {
        return Durations.format(ms < 60_000 ? Duration.ofMillis(ms) : Duration.ofSeconds(ms / 1000));
    }
}
