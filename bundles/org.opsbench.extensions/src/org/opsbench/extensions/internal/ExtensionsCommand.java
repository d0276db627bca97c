package org.opsbench.extensions.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.extensions.Extensions;
import org.opsbench.extensions.Plugin;
import org.opsbench.extensions.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands {@code opsbench:extensions [-a]} (the extension bundles, or with {@code -a} every bundle, with their
 * components and problems), {@code opsbench:install JAR|URL} and {@code opsbench:install P2-REPOSITORY-URL BUNDLE-ID},
 * and {@code opsbench:uninstall FILE}. They act as the principal of {@code opsbench:login}.
 */
@Component(service = ExtensionsCommand.class, property = {"osgi.command.scope=opsbench",
        "osgi.command.function=extensions", "osgi.command.function=install", "osgi.command.function=uninstall"})
public final class ExtensionsCommand {

    private final Extensions extensions;

    /** Created by DS. */
    @Activate
    public ExtensionsCommand(@Reference Extensions extensions) {
        this.extensions = extensions;
    }

    /** {@code opsbench:extensions [-a]}. */
    public String extensions(CommandSession session, String... args) {
        try {
            boolean all = List.of(args).contains("-a");
            Principal caller = principal(session);
            StringBuilder out = new StringBuilder("Extensions folder: " + extensions.folder() + "\n");
            List<Plugin> plugins = extensions.plugins(caller).stream().filter(p -> all || p.extension()).toList();
            if (plugins.isEmpty()) {
                out.append("no extensions installed\n");
            }
            for (Plugin p : plugins) {
                out.append(String.format("%4d %-11s %s %s%s%s%n", p.id(), p.state(), p.symbolicName(), p.version(),
                        p.extension() ? "  (" + p.file() + ")" : "", p.faulty() ? "  FAULTY" : ""));
                if (p.error() != null) {
                    out.append("       error: ").append(p.error()).append('\n');
                }
                for (Plugin.Component c : p.components()) {
                    out.append("       component ").append(c.name()).append(' ').append(c.state()).append('\n');
                    if (c.failure() != null) {
                        out.append("         failure: ").append(c.reason()).append('\n');
                    }
                }
            }
            for (Problem p : extensions.problems(caller)) {
                if (plugins.stream().noneMatch(x -> p.file().equals(x.file()))) {
                    out.append("  problem ").append(p.file()).append(": ").append(p.message()).append('\n');
                }
            }
            return out.toString();
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    /** {@code opsbench:install JAR|URL [BUNDLE-ID]}. */
    public String install(CommandSession session, String... args) {
        try {
            if (args.length < 1 || args.length > 2) {
                throw new IllegalArgumentException("usage: opsbench:install JAR|URL | opsbench:install "
                        + "P2-REPOSITORY-URL BUNDLE-ID");
            }
            Plugin p = extensions.install(principal(session), args[0], args.length == 2 ? args[1] : null);
            return "installed " + p.symbolicName() + " " + p.version() + " as " + p.file() + ": " + p.state()
                    + (p.faulty() ? " (FAULTY, see opsbench:extensions)" : "");
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    /** {@code opsbench:uninstall FILE}. */
    public String uninstall(CommandSession session, String file) {
        try {
            return extensions.uninstall(principal(session), file)
                    ? "uninstalled " + file
                    : "error: file: no " + file + " in " + extensions.folder();
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    private static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }
}
