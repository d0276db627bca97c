package org.opsbench.monitoring.internal.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.StateType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code hosts}, {@code checks [HOST]}, {@code problems}: the status board as tables. */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=hosts",
        "osgi.command.function=checks", "osgi.command.function=problems"})
public final class StatusCommand extends MonitoringCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("hosts", "checks", "problems"));

    private final Monitoring monitoring;

    @Activate
    public StatusCommand(@Reference Monitoring monitoring) {
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
            case "hosts" -> {
                noMoreThan(args, 0, "hosts");
                yield hosts(caller);
            }
            case "checks" -> {
                noMoreThan(args, 1, "checks [HOST]");
                yield checks(caller, args.isEmpty() ? null : args.get(0));
            }
            default -> {
                noMoreThan(args, 0, "problems");
                yield problems(caller);
            }
        };
    }

    private String hosts(Principal caller) {
        Instant now = now();
        Table t = new Table("HOST", "ADDRESS", "STATE", "HARD/SOFT", "SINCE", "LAST CHECK", "FLAGS", "OUTPUT");
        for (HostStatus h : monitoring.hosts(caller)) {
            t.row(h.name(), h.address(), h.state() == null ? "PENDING" : h.state(),
                    h.state() == null ? null : h.stateType(), Times.since(h.lastStateChange(), now),
                    Times.since(h.lastCheck(), now), flags(h.acknowledgement(), h.inDowntime(), false, true,
                            h.enabled()),
                    h.output());
        }
        return t.isEmpty() ? "no hosts" : t.toString();
    }

    private String checks(Principal caller, String host) {
        if (host != null) {
            existing(monitoring, caller, host);
        }
        Instant now = now();
        Table t = new Table("CHECK", "TYPE", "STATE", "HARD/SOFT", "ATTEMPT", "SINCE", "LAST CHECK", "NEXT CHECK",
                "FLAGS", "OUTPUT");
        for (CheckStatus c : monitoring.checks(caller, host)) {
            t.row(c.key(), c.type(), c.state() == null ? "PENDING" : c.state(),
                    c.state() == null ? null : c.stateType(), c.attempt() + "/" + c.maxAttempts(),
                    Times.since(c.lastStateChange(), now), Times.since(c.lastCheck(), now),
                    Times.in(c.nextCheck(), now), flags(c.acknowledgement(), c.inDowntime(), c.flapping(),
                            c.hostReachable(), c.enabled()),
                    c.output());
        }
        return t.isEmpty() ? (host == null ? "no checks" : "no checks on " + host) : t.toString();
    }

    private String problems(Principal caller) {
        Instant now = now();
        List<CheckStatus> problems = monitoring.problems(caller);
        if (problems.isEmpty()) {
            return "no problems";
        }
        Map<String, HostStatus> hosts = monitoring.hosts(caller).stream()
                .collect(Collectors.toMap(HostStatus::name, Function.identity()));
        Table t = new Table("STATE", "HARD/SOFT", "HOST/CHECK", "FOR", "FLAGS", "OUTPUT");
        long unhandled = 0;
        for (CheckStatus p : problems) {
            HostStatus host = p.key().isHost() ? hosts.get(p.key().host()) : null;
            String state = host != null && host.state() != null ? host.state().name() : String.valueOf(p.state());
            String output = host != null ? host.output() : p.output();
            boolean reachable = host != null || p.hostReachable();
            StateType type = host != null ? host.stateType() : p.stateType();
            t.row(state, type, p.key(), Times.since(p.lastStateChange(), now),
                    flags(p.acknowledgement(), p.inDowntime(), p.flapping(), reachable, true), output);
            if (p.unhandledProblem()) {
                unhandled++;
            }
        }
        return t + "\n" + problems.size() + (problems.size() == 1 ? " problem, " : " problems, ") + unhandled
                + " unhandled";
    }

    /** What makes a state handled or special, or {@code -}. */
    static String flags(Acknowledgement ack, boolean downtime, boolean flapping, boolean hostReachable,
            boolean enabled) {
        List<String> f = new ArrayList<>();
        if (ack != null) {
            f.add("ack:" + ack.author());
        }
        if (downtime) {
            f.add("downtime");
        }
        if (flapping) {
            f.add("flapping");
        }
        if (!hostReachable) {
            f.add("host-not-up");
        }
        if (!enabled) {
            f.add("disabled");
        }
        return f.isEmpty() ? "-" : String.join(",", f);
    }
}
