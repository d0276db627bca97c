import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSSH sshd on 127.0.0.1 for the benchmarks (SshBench, BackupBench, AssetsBench), in a 0700 folder {@code dir}:
 * host and user ed25519 keys ({@code user_ed25519} is the login key), {@code sshd_config}, {@code known_hosts} with a
 * line for 127.0.0.1 and for every bench host name, {@code ssh_config} for the OpenSSH client (the names matching
 * {@code clientHosts} go to this sshd with the login key), {@code sshd.log}. As root it logs in as
 * {@link #USER_AS_ROOT} (run-tests.sh creates it); its authorized_keys lives in a folder of that user's, outside
 * {@code dir}. Started and waited for by {@link #start}; {@link #close()} stops it and removes that folder.
 */
final class LoopbackSshd implements AutoCloseable {

    /** The login when the bench runs as root. */
    static final String USER_AS_ROOT = "opsbench-test";

    final Path dir;
    final String user;
    final int port;
    private final Path home;
    private final Process process;

    private LoopbackSshd(Path dir, String user, int port, Path home, Process process) {
        this.dir = dir;
        this.user = user;
        this.port = port;
        this.home = home;
        this.process = process;
    }

    /** The login: the current user, or {@link #USER_AS_ROOT} as root. */
    static String defaultUser() {
        return "root".equals(System.getProperty("user.name")) ? USER_AS_ROOT : System.getProperty("user.name");
    }

    /**
     * Starts the sshd and waits until it listens.
     *
     * @param hostNames
     *            names besides 127.0.0.1 that resolve to it (the bench's hosts file) and get a known_hosts line
     * @param clientHosts
     *            the {@code Host} pattern of the OpenSSH client config
     */
    static LoopbackSshd start(Path dir, String user, List<String> hostNames, String clientHosts) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("user_ed25519"));
        Path home = Files.createTempDirectory("opsbench-bench-user-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path authorized = home.resolve("authorized_keys");
        Files.copy(dir.resolve("user_ed25519.pub"), authorized);
        if (!user.equals(System.getProperty("user.name"))) {
            var owner = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(home, owner);
            Files.setOwner(authorized, owner);
            Files.createDirectories(Path.of("/run/sshd"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"), "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized, "StrictModes no", "UsePAM no", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "MaxSessions 64",
                "MaxStartups 400:30:600", "AllowUsers " + user, "LogLevel ERROR", ""));
        String[] pub = Files.readString(dir.resolve("host_ed25519.pub")).trim().split("\\s+");
        StringBuilder known = new StringBuilder("[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n");
        for (String name : hostNames) {
            known.append('[').append(name).append("]:").append(port).append(' ').append(pub[0]).append(' ')
                    .append(pub[1]).append('\n');
        }
        Files.writeString(dir.resolve("known_hosts"), known);
        Files.writeString(dir.resolve("ssh_config"), String.join("\n", "Host " + clientHosts, "  HostName 127.0.0.1",
                "  Port " + port, "  User " + user, "  IdentityFile " + dir.resolve("user_ed25519"),
                "  IdentitiesOnly yes", "  UserKnownHostsFile " + dir.resolve("known_hosts"),
                "  StrictHostKeyChecking yes", "  CheckHostIP no", "  BatchMode yes", "  LogLevel ERROR", ""));
        Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(dir.resolve("sshd.log").toFile())).start();
        LoopbackSshd sshd = new LoopbackSshd(dir, user, port, home, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                sshd.close();
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return sshd;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        sshd.close();
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + ": "
                + Files.readString(dir.resolve("sshd.log")));
    }

    /** The login's private key. */
    Path userKey() {
        return dir.resolve("user_ed25519");
    }

    /** known_hosts with the sshd's host key for 127.0.0.1 and every bench name. */
    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The OpenSSH client config ({@code ssh -F}). */
    Path sshConfig() {
        return dir.resolve("ssh_config");
    }

    /** Stops the sshd (and the sessions it forked) and removes the login's folder. */
    @Override
    public void close() throws Exception {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void keygen(Path key) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + out);
        }
    }
}
