package org.opsbench.security.internal.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code user list|add|passwd|enable|disable|roles|delete ...}. */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=user"})
public final class UserCommand extends SecurityCommand {

    static final String USAGE = "user list | add LOGIN ROLE[,ROLE] [DISPLAY NAME] | passwd LOGIN | enable LOGIN"
            + " | disable LOGIN | roles LOGIN ROLE[,ROLE] | delete LOGIN";

    private final IdentityAdmin admin;

    @Activate
    public UserCommand(@Reference IdentityAdmin admin) {
        this.admin = admin;
    }

    @Override
    String name() {
        return "user";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        Principal actor = principal(session);
        String sub = arg(args, 0, USAGE);
        return switch (sub) {
            case "list" -> admin.users(actor).stream().map(UserCommand::line).collect(Collectors.joining("\n"));
            case "add" -> {
                String login = arg(args, 1, USAGE);
                Set<String> roles = roles(arg(args, 2, USAGE));
                String name = args.size() > 3 ? String.join(" ", args.subList(3, args.size())) : login;
                char[] password = readSecret(session, "initial password for " + login + ": ");
                yield "created " + line(admin.createUser(actor, login, name, "", password, roles));
            }
            case "passwd" -> {
                String login = arg(args, 1, USAGE);
                admin.resetPassword(actor, login, readSecret(session, "new password for " + login + ": "));
                yield "password of " + login + " reset";
            }
            case "enable", "disable" -> {
                admin.setEnabled(actor, arg(args, 1, USAGE), sub.equals("enable"));
                yield sub + "d " + args.get(1);
            }
            case "roles" -> {
                admin.setUserRoles(actor, arg(args, 1, USAGE), roles(arg(args, 2, USAGE)));
                yield "roles of " + args.get(1) + " set";
            }
            case "delete" -> admin.deleteUser(actor, arg(args, 1, USAGE))
                    ? "deleted " + args.get(1)
                    : "no such user: " + args.get(1);
            default -> "usage: " + USAGE;
        };
    }

    static Set<String> roles(String list) {
        return Set.of(list.split(","));
    }

    private static String line(User u) {
        return String.format("%-16s %-24s %-8s roles=%s groups=%s last login=%s", u.login(), u.displayName(),
                u.enabled() ? "enabled" : "DISABLED", u.roles(), u.groups(), u.lastLogin());
    }
}
