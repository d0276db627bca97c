package org.opsbench.security.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.security.ApiToken;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code token issue USER LABEL DAYS | list [USER] | revoke ID}: API tokens. The secret of a new token is printed once,
 * right after it is issued; it is never shown again.
 */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=token"})
public final class TokenCommand extends SecurityCommand {

    static final String USAGE = "token issue USER LABEL DAYS | list [USER] | revoke ID";

    private final ApiTokens tokens;

    @Activate
    public TokenCommand(@Reference ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    String name() {
        return "token";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        Principal actor = principal(session);
        String sub = arg(args, 0, USAGE);
        return switch (sub) {
            case "issue" -> {
                String user = arg(args, 1, USAGE);
                arg(args, 3, USAGE);
                String label = String.join(" ", args.subList(2, args.size() - 1));
                int days = days(args.get(args.size() - 1));
                IssuedToken issued = tokens.issue(actor, user, label, Instant.now().plus(Duration.ofDays(days)));
                yield "issued " + line(issued.token()) + "\nsecret (shown only now, store it safely): "
                        + issued.secret();
            }
            case "list" -> {
                List<ApiToken> list = tokens.list(actor, args.size() > 1 ? args.get(1) : actor.name());
                yield list.isEmpty()
                        ? "no API tokens"
                        : list.stream().map(TokenCommand::line).collect(Collectors.joining("\n"));
            }
            case "revoke" -> {
                try {
                    tokens.revoke(actor, arg(args, 1, USAGE));
                    yield "revoked " + args.get(1);
                } catch (NoSuchElementException e) {
                    yield "error: " + e.getMessage();
                }
            }
            default -> "usage: " + USAGE;
        };
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text);
            if (days < 1 || days > 3660) {
                throw new IllegalArgumentException("DAYS: between 1 and 3660, was " + text);
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DAYS: a whole number of days, was " + text);
        }
    }

    private static String line(ApiToken t) {
        Instant now = Instant.now();
        String state = t.revokedAt() != null ? "REVOKED" : t.isActive(now) ? "active" : "EXPIRED";
        return String.format("%-12s %-16s %-8s %-24s expires=%s last used=%s", t.id(), t.user(), state, t.label(),
                t.expiresAt(), t.lastUsedAt() == null ? "never" : t.lastUsedAt());
    }
}
