package org.opsbench.security.internal.console;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code audit [-n N] [-p PRINCIPAL] [-t TYPE] [-i ID] [-since ISO-INSTANT]}: the latest audit records. */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=audit"})
public final class AuditCommand extends SecurityCommand {

    private final AuditTrail trail;

    @Activate
    public AuditCommand(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    String name() {
        return "audit";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        int limit = 20;
        String principal = null;
        String type = null;
        String id = null;
        Instant since = null;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "-n" -> limit = Integer.parseInt(v);
                case "-p" -> principal = v;
                case "-t" -> type = v;
                case "-i" -> id = v;
                case "-since" -> since = Instant.parse(v);
                default -> throw new IllegalArgumentException(
                        "usage: audit [-n N] [-p PRINCIPAL] [-t TYPE] [-i ID] [-since 2026-01-01T00:00:00Z]");
            }
        }
        return trail.search(principal(session), new AuditQuery(since, null, principal, type, id, limit)).stream()
                .map(r -> String.format("%6d %s %-20s %-28s %s/%s %s", r.sequence(), r.time(),
                        r.entry().principal().name(), r.entry().action(), r.entry().objectType(),
                        r.entry().objectId(), r.entry().summary()))
                .collect(Collectors.joining("\n"));
    }
}
