package org.opsbench.monitoring.internal.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Monitoring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ack HOST[/CHECK] COMMENT...} and {@code unack HOST[/CHECK]}: acknowledgements of current problems. */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=ack",
        "osgi.command.function=unack"})
public final class AcknowledgeCommand extends MonitoringCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("ack", "unack"));

    private final Monitoring monitoring;

    @Activate
    public AcknowledgeCommand(@Reference Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    Set<String> functions() {
        return FUNCTIONS;
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal caller = principal(session);
        if (function.equals("ack")) {
            CheckKey key = existing(monitoring, caller, arg(args, 0, "ack HOST[/CHECK] COMMENT..."));
            // the service refuses a missing comment naming the field
            String comment = String.join(" ", args.subList(1, args.size()));
            monitoring.acknowledge(caller, key, comment);
            return "acknowledged " + key + ": " + comment.strip();
        }
        String usage = "unack HOST[/CHECK]";
        noMoreThan(args, 1, usage);
        CheckKey key = existing(monitoring, caller, arg(args, 0, usage));
        return monitoring.removeAcknowledgement(caller, key)
                ? "removed the acknowledgement of " + key
                : key + " has no acknowledgement";
    }
}
