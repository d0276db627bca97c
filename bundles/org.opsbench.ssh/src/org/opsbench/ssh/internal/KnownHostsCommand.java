package org.opsbench.ssh.internal;

import java.util.List;

import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.RemoteShell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code known-hosts}: lists host, port, key type and fingerprint of every known host key. */
@Component(service = ConsoleCommand.class, property = {ConsoleCommand.SCOPE, "osgi.command.function=known-hosts"})
public final class KnownHostsCommand extends ConsoleCommand {

    private final RemoteShell shell;

    @Activate
    public KnownHostsCommand(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    String run(List<String> args) {
        List<HostKey> keys = shell.knownHosts();
        if (keys.isEmpty()) {
            return "no known hosts";
        }
        StringBuilder out = new StringBuilder(
                String.format("%-30s %5s  %-20s %s%n", "HOST", "PORT", "TYPE", "FINGERPRINT"));
        for (HostKey key : keys) {
            out.append(String.format("%-30s %5d  %-20s %s%n", key.host(), key.port(), key.type(), key.fingerprint()));
        }
        return out.toString();
    }
}
