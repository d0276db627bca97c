package org.opsbench.monitoring.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code downtime add TARGET START END COMMENT...}, {@code downtime list [all]}, {@code downtime cancel ID}:
 * maintenance windows of a host (with its checks) or one check.
 */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE,
        "osgi.command.function=downtime"})
public final class DowntimeCommand extends MonitoringCommand {

    static final String USAGE = "downtime add HOST[/CHECK] START END COMMENT... | list [all] | cancel ID"
            + "   (START: now, now+1h or an ISO time; END: an ISO time or a duration after START, like 2h)";
    /** The end of "all future windows" (a window starts and ends before it). */
    private static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");

    private final Monitoring monitoring;

    @Activate
    public DowntimeCommand(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    Set<String> functions() {
        return Set.of("downtime");
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal caller = principal(session);
        String sub = arg(args, 0, USAGE);
        return switch (sub) {
            case "add" -> add(caller, args);
            case "list" -> {
                noMoreThan(args, 2, USAGE);
                if (args.size() == 2 && !args.get(1).equals("all")) {
                    throw new IllegalArgumentException("unexpected '" + args.get(1) + "'; usage: " + USAGE);
                }
                yield list(caller, args.size() == 2);
            }
            case "cancel" -> {
                noMoreThan(args, 2, USAGE);
                String text = arg(args, 1, USAGE);
                long id;
                try {
                    id = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ID: not a downtime id: '" + text + "'");
                }
                yield monitoring.cancelDowntime(caller, id) ? "cancelled downtime " + id : "no downtime " + id;
            }
            default -> throw new IllegalArgumentException("unknown '" + sub + "'; usage: " + USAGE);
        };
    }

    private String add(Principal caller, List<String> args) {
        CheckKey target = CheckKey.parse(arg(args, 1, USAGE));
        Instant now = now();
        ZoneId zone = ZoneId.systemDefault();
        Instant start = Times.instant("START", arg(args, 2, USAGE), now, zone);
        Instant end = Times.end("END", arg(args, 3, USAGE), start, now, zone);
        String comment = String.join(" ", args.subList(4, args.size()));
        Downtime d = monitoring.scheduleDowntime(caller, target, start, end, comment);
        return "scheduled downtime " + d.id() + " of " + d.target() + " from " + Times.format(d.start()) + " to "
                + Times.format(d.end()) + " (" + Durations.format(Duration.between(d.start(), d.end())) + ")";
    }

    private String list(Principal caller, boolean all) {
        Instant now = now();
        Table t = new Table("ID", "TARGET", "START", "END", "STATUS", "BY", "COMMENT");
        for (Downtime d : monitoring.downtimes(caller, all ? Instant.EPOCH : now, FAR)) {
            String status = d.covers(now) ? "active" : d.end().isAfter(now) ? "planned" : "ended";
            t.row(d.id(), d.target(), Times.format(d.start()), Times.format(d.end()), status, d.author(),
                    d.comment());
        }
        return t.isEmpty() ? "no maintenance windows" : t.toString();
    }
}
