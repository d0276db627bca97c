package org.opsbench.ssh.internal;

import java.time.Duration;
import java.util.List;

import org.opsbench.core.Principal;

/**
 * Base of the Gogo commands in scope {@code opsbench}. Gogo maps a function name to a method of the same name, which
 * cannot hold the dash of {@code known-hosts}; so each command is its own small component and Gogo calls its
 * {@code _main}. Errors come back as text: the console shows it.
 */
public abstract class ConsoleCommand {

    static final String SCOPE = "osgi.command.scope=opsbench";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Until the security area adds console login. */
    static final Principal CONSOLE = Principal.system("console");

    /** Called by Gogo with the command's arguments. */
    public String _main(String... args) {
        try {
            return run(List.of(args));
        } catch (IllegalArgumentException | IllegalStateException | org.opsbench.ssh.SshException
                | org.opsbench.core.security.NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    abstract String run(List<String> args);

    static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + text);
        }
    }
}
