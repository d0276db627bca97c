package org.opsbench.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ssh-exec [-p PORT] -i KEYFILE USER@HOST COMMAND...}: runs a diagnosis command with a key read from disk and
 * prints exit code, duration, stdout and stderr. Passwords are not taken: a console line is no place for one.
 */
@Component(service = ConsoleCommand.class, property = {ConsoleCommand.SCOPE, "osgi.command.function=ssh-exec"})
public final class SshExecCommand extends ConsoleCommand {

    private static final String USAGE = "usage: ssh-exec [-p PORT] -i KEYFILE USER@HOST COMMAND...";

    private final RemoteShell shell;

    @Activate
    public SshExecCommand(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    String run(List<String> args) {
        int port = 22;
        Path keyFile = null;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i += 2) {
            if (i + 1 >= args.size()) {
                return USAGE;
            }
            switch (args.get(i)) {
                case "-p" -> port = port(args.get(i + 1));
                case "-i" -> keyFile = Path.of(args.get(i + 1));
                default -> {
                    return "unknown option " + args.get(i) + "\n" + USAGE;
                }
            }
        }
        if (keyFile == null || args.size() - i < 2 || !args.get(i).contains("@")) {
            return USAGE;
        }
        String destination = args.get(i);
        String command = String.join(" ", args.subList(i + 1, args.size()));
        byte[] key;
        try {
            key = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            return "error: cannot read key file " + keyFile + ": " + e.getMessage();
        }
        int at = destination.lastIndexOf('@');
        SshTarget target = new SshTarget(destination.substring(at + 1), port, destination.substring(0, at),
                new Credential.PrivateKey(key, null));
        return switch (shell.exec(target, command, TIMEOUT)) {
            case ExecResult.Completed c -> "exit code: " + c.exitCode() + "\nduration: " + c.duration().toMillis()
                    + " ms\n--- stdout\n" + c.stdout() + "\n--- stderr\n" + c.stderr();
            case ExecResult.Failed f -> "failed: " + f.failure();
        };
    }
}
