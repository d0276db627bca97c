package org.opsbench.monitoring.internal.console;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Monitoring;

/**
 * Base of the monitoring area's Gogo commands (scope {@code monitoring}). Gogo calls {@code _main} with the session and
 * the function's name first: one class serves a few related functions, and names with a dash ({@code test-rules}) work.
 * Every command acts as the principal of {@code opsbench:login} (the session variable {@value SessionKeys#PRINCIPAL})
 * through the public services, which check the permission and audit; without a login it is refused. An error is one
 * line, {@code error: ...}, naming the bad argument.
 */
public abstract class MonitoringCommand {

    static final String SCOPE = "osgi.command.scope=monitoring";

    /** Now, for times on the command line and durations shown. */
    static Instant now() {
        return Instant.now();
    }

    /** Called by Gogo with the function's name first (as a main would get it). */
    public Object _main(CommandSession session, String... args) {
        List<String> all = List.of(args);
        String function = functions().iterator().next();
        if (!all.isEmpty()) {
            String first = all.get(0);
            String bare = first.startsWith("monitoring:") ? first.substring("monitoring:".length()) : first;
            if (functions().contains(bare)) {
                function = bare;
                all = all.subList(1, all.size());
            }
        }
        try {
            return run(session, function, all);
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        }
    }

    /** The function names ({@code osgi.command.function}) this component registers, the default first. */
    abstract Set<String> functions();

    abstract Object run(CommandSession session, String function, List<String> args) throws InterruptedException;

    /** The logged-in principal of the session. */
    static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    static String arg(List<String> args, int index, String usage) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(index);
    }

    static void noMoreThan(List<String> args, int count, String usage) {
        if (args.size() > count) {
            throw new IllegalArgumentException("unexpected '" + args.get(count) + "'; usage: " + usage);
        }
    }

    /** {@code HOST} or {@code HOST/CHECK}, which must exist (the error names it). */
    static CheckKey existing(Monitoring monitoring, Principal caller, String text) {
        CheckKey key = CheckKey.parse(text);
        if (key.host().isEmpty() || (!key.isHost() && key.check().isEmpty())) {
            throw new IllegalArgumentException("not a host or HOST/CHECK: '" + text + "'");
        }
        List<HostStatus> hosts = monitoring.hosts(caller);
        if (hosts.stream().noneMatch(h -> h.name().equals(key.host()))) {
            throw new IllegalArgumentException("no such host: " + key.host());
        }
        if (!key.isHost() && monitoring.checks(caller, key.host()).stream().map(CheckStatus::key)
                .noneMatch(key::equals)) {
            throw new IllegalArgumentException("no such check: " + key);
        }
        return key;
    }

    /** {@code -n N}: a positive count. */
    static int count(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(option + ": a number from 1 to 10000, was '" + text + "'");
    }
}
