package org.opsbench.ssh.internal;

import java.util.List;

import org.opsbench.ssh.RemoteShell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code host-remove HOST PORT}: forgets every known key of a host. */
@Component(service = ConsoleCommand.class, property = {ConsoleCommand.SCOPE, "osgi.command.function=host-remove"})
public final class HostRemoveCommand extends ConsoleCommand {

    private final RemoteShell shell;

    @Activate
    public HostRemoveCommand(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    String run(List<String> args) {
        if (args.size() != 2) {
            return "usage: host-remove HOST PORT";
        }
        boolean removed = shell.removeHostKey(principal(), args.get(0), port(args.get(1)));
        return (removed ? "removed the known key(s) of " : "no known key for ") + args.get(0) + ":" + args.get(1);
    }
}
