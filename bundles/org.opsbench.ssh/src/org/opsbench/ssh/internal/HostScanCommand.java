package org.opsbench.ssh.internal;

import java.util.List;

import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.RemoteShell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code host-scan HOST [PORT]}: shows the key a host offers; it becomes the pending key to approve. */
@Component(service = ConsoleCommand.class, property = {ConsoleCommand.SCOPE, "osgi.command.function=host-scan"})
public final class HostScanCommand extends ConsoleCommand {

    private final RemoteShell shell;

    @Activate
    public HostScanCommand(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    String run(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            return "usage: host-scan HOST [PORT]";
        }
        int port = args.size() == 2 ? port(args.get(1)) : 22;
        HostKey key = shell.scanHostKey(args.get(0), port, TIMEOUT);
        return key.host() + " " + key.port() + " offers " + key.type() + " " + key.fingerprint()
                + "\nif that is the host's real key: host-approve " + key.host() + " " + key.port() + " "
                + key.fingerprint();
    }
}
