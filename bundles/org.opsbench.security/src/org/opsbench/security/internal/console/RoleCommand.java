package org.opsbench.security.internal.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code role list|add|delete|permissions ...}. */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=role"})
public final class RoleCommand extends SecurityCommand {

    static final String USAGE = "role list | add NAME PERMISSION[,PERMISSION] | delete NAME | permissions";

    private final IdentityAdmin admin;

    @Activate
    public RoleCommand(@Reference IdentityAdmin admin) {
        this.admin = admin;
    }

    @Override
    String name() {
        return "role";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        Principal actor = principal(session);
        return switch (arg(args, 0, USAGE)) {
            case "list" -> admin.roles(actor).stream()
                    .map(r -> r.name() + (r.builtIn() ? " (built-in)" : "") + ": " + r.permissions())
                    .collect(Collectors.joining("\n"));
            case "add" -> "saved " + admin.saveRole(actor, new Role(arg(args, 1, USAGE), "",
                    Set.of(arg(args, 2, USAGE).split(",")), false)).name();
            case "delete" -> admin.deleteRole(actor, arg(args, 1, USAGE))
                    ? "deleted " + args.get(1)
                    : "no such custom role: " + args.get(1);
            case "permissions" -> admin.declaredPermissions(actor).stream()
                    .map(d -> String.format("%-32s %s (default: %s)", d.permission(), d.description(), d.grantedTo()))
                    .collect(Collectors.joining("\n"));
            default -> "usage: " + USAGE;
        };
    }
}
