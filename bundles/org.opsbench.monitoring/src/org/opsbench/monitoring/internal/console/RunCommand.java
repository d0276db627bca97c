package org.opsbench.monitoring.internal.console;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code run [-w WAIT] HOST[/CHECK]}: runs a check (or a host check) now and prints its result. */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=run"})
public final class RunCommand extends MonitoringCommand {

    static final String USAGE = "run [-w WAIT] HOST[/CHECK]   (WAIT like 30s, the default)";

    private final Monitoring monitoring;

    @Activate
    public RunCommand(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    Set<String> functions() {
        return Set.of("run");
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) throws InterruptedException {
        Principal caller = principal(session);
        Duration wait = Duration.ofSeconds(30);
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("-w")) {
            wait = Times.duration("-w", arg(args, 1, USAGE));
            i = 2;
        }
        noMoreThan(args, i + 1, USAGE);
        CheckKey key = existing(monitoring, caller, arg(args, i, USAGE));
        Instant before = lastCheck(caller, key);
        CheckStatus status = monitoring.runNow(caller, key, wait);
        Instant now = now();
        StringBuilder out = new StringBuilder();
        if (key.isHost()) {
            HostStatus h = monitoring.hosts(caller).stream().filter(s -> s.name().equals(key.host())).findFirst()
                    .orElseThrow();
            out.append(key).append(": ").append(h.state()).append(" (").append(h.stateType()).append(")\n");
            line(out, "output", h.output());
            line(out, "checked", Times.format(h.lastCheck()));
        } else {
            out.append(key).append(": ").append(status.state()).append(" (").append(status.stateType());
            if (status.stateType() == StateType.SOFT) {
                out.append(" ").append(status.attempt()).append('/').append(status.maxAttempts());
            }
            out.append(")\n");
            line(out, "output", status.output());
            if (!status.metrics().isEmpty()) {
                line(out, "metrics", status.metrics().stream().map(RunCommand::metric)
                        .collect(Collectors.joining(" ")));
            }
            line(out, "checked", Times.format(status.lastCheck()));
            line(out, "next", Times.in(status.nextCheck(), now));
        }
        if (Objects.equals(before, key.isHost() ? lastCheck(caller, key) : status.lastCheck())) {
            out.append("  (no new result within ").append(Durations.format(wait))
                    .append(": it is still running; this is the last result)\n");
        }
        return out.toString().stripTrailing();
    }

    private Instant lastCheck(Principal caller, CheckKey key) {
        if (key.isHost()) {
            return monitoring.hosts(caller).stream().filter(s -> s.name().equals(key.host())).findFirst()
                    .map(HostStatus::lastCheck).orElse(null);
        }
        return monitoring.checks(caller, key.host()).stream().filter(c -> c.key().equals(key)).findFirst()
                .map(CheckStatus::lastCheck).orElse(null);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(label).append(" ".repeat(9 - label.length())).append(value == null ? "-" : value)
                .append('\n');
    }

    private static String metric(Metric m) {
        double v = m.value();
        String value = v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return m.name() + "=" + value + (m.unit() == null ? "" : m.unit());
    }
}
