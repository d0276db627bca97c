package org.opsbench.security.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;

/**
 * Base of the security area's Gogo commands (scope {@code opsbench}). Gogo calls {@code _main} with the session, whose
 * variable {@value SessionKeys#PRINCIPAL} holds the principal of {@code opsbench:login}. Secrets and passwords are read
 * from the keyboard, never taken from the command line (which Gogo keeps in its history), and never printed.
 */
public abstract class SecurityCommand {

    static final String SCOPE = "osgi.command.scope=opsbench";

    /** Called by Gogo, with the command's name as first argument (as a main would get it). */
    public Object _main(CommandSession session, String... args) {
        List<String> all = List.of(args);
        try {
            return run(session, !all.isEmpty() && all.get(0).endsWith(name()) ? all.subList(1, all.size()) : all);
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    /** The function name ({@code osgi.command.function}). */
    abstract String name();

    abstract String run(CommandSession session, List<String> args);

    static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    /** Reads one line from the keyboard after {@code prompt}; the caller wipes the result. */
    static char[] readSecret(CommandSession session, String prompt) {
        PrintStream out = session.getConsole();
        out.print(prompt);
        out.flush();
        InputStream in = session.getKeyboard();
        char[] buffer = new char[256];
        int n = 0;
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && b != '\r') {
                if (n == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, n * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[n++] = (char) b;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read from the console: " + e.getMessage());
        }
        out.println();
        char[] result = Arrays.copyOf(buffer, n);
        Arrays.fill(buffer, '\0');
        return result;
    }

    static String arg(List<String> args, int index, String usage) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(index);
    }
}
