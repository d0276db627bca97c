package org.opsbench.ssh.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.Process;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SessionKeys;

/**
 * Base of the Gogo commands in scope {@code opsbench}. Gogo maps a function name to a method of the same name, which
 * cannot hold the dash of {@code known-hosts}; so each command is its own small component and Gogo calls its
 * {@code _main}. Errors come back as text: the console shows it.
 */
public abstract class ConsoleCommand {

    static final String SCOPE = "osgi.command.scope=opsbench";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Who acts when nobody logged in on the console session: the security area refuses it everything. */
    static final Principal CONSOLE = Principal.system("console");

    /** The functions of this bundle: Gogo passes the function's name as first argument of {@code _main}. */
    private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("host-approve", "host-remove", "host-scan",
            "known-hosts", "ssh-exec");

    /** Called by Gogo with the command's name and arguments (or directly with the arguments only). */
    public String _main(String... args) {
        List<String> all = List.of(args);
        if (!all.isEmpty() && FUNCTIONS.contains(all.get(0).substring(all.get(0).indexOf(':') + 1))) {
            all = all.subList(1, all.size());
        }
        try {
            return run(all);
        } catch (IllegalArgumentException | IllegalStateException | org.opsbench.ssh.SshException
                | org.opsbench.core.security.NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    abstract String run(List<String> args);

    /**
     * The principal logged in on the calling Gogo session ({@code opsbench:login} stores it under
     * {@link SessionKeys#PRINCIPAL}), else {@link #CONSOLE}.
     */
    static Principal principal() {
        try {
            Process process = Process.Utils.current();
            if (process != null && process.job() != null
                    && process.job().session().get(SessionKeys.PRINCIPAL) instanceof Principal user) {
                return user;
            }
        } catch (NoClassDefFoundError | RuntimeException e) {
            // no Gogo here (a direct call): nobody logged in
        }
        return CONSOLE;
    }

    static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + text);
        }
    }
}
