package org.opsbench.ssh.internal;

import java.util.List;

import org.opsbench.ssh.RemoteShell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code host-approve HOST PORT FINGERPRINT}: trusts the pending key of a host if its fingerprint matches. */
@Component(service = ConsoleCommand.class, property = {ConsoleCommand.SCOPE, "osgi.command.function=host-approve"})
public final class HostApproveCommand extends ConsoleCommand {

    private final RemoteShell shell;

    @Activate
    public HostApproveCommand(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    String run(List<String> args) {
        if (args.size() != 3) {
            return "usage: host-approve HOST PORT FINGERPRINT";
        }
        shell.approveHostKey(principal(), args.get(0), port(args.get(1)), args.get(2));
        return "approved " + args.get(2) + " for " + args.get(0) + ":" + args.get(1);
    }
}
