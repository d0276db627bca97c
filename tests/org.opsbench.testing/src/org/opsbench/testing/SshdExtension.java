package org.opsbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1 for one test class: its own config, an ed25519 host key and a user key pair
 * in a 0700 temp folder. Logs in as {@value #TEST_USER} when the tests run as root (root's profile is slow), else as
 * the current user.
 * <p>
 * One server can stand for several hosts: give the test JVM a hosts file ({@code -Djdk.net.hosts.file}) in which
 * several names resolve to 127.0.0.1, trust each name with {@link #knownHostsLine(String)}, and every name is a host of
 * its own to the SSH client (its own known_hosts entry, its own pooled sessions).
 */
public final class SshdExtension implements BeforeAllCallback, AfterAllCallback {

    /** The login used when the tests run as root. */
    public static final String TEST_USER = "opsbench-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final boolean root = "root".equals(System.getProperty("user.name"));
    private String user;
    private Path dir;
    private Path userDir;
    private int port;
    private Process sshd;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        user = root ? TEST_USER : System.getProperty("user.name");
        if (root && run("id", "-u", TEST_USER).exitCode != 0) {
            fail("the SSH tests log in as '" + TEST_USER + "'. Create it with: useradd -m -s /bin/sh " + TEST_USER
                    + " && usermod -p '*' " + TEST_USER);
        }
        dir = Files.createTempDirectory("opsbench-sshd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // sshd reads authorized_keys as the user, and SFTP writes as the user: a folder of theirs
        userDir = Files.createTempDirectory("opsbench-sshd-user-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        keygen(hostKey());
        keygen(dir.resolve("user_ed25519"));
        Path authorized = userDir.resolve("authorized_keys");
        Files.copy(dir.resolve("user_ed25519.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
        Path files = Files.createDirectory(filesDir());
        for (Path p : List.of(userDir, authorized, files)) {
            giveToUser(p);
        }
        port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + hostKey(), "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + authorized,
                "StrictModes no", "UsePAM no", "PasswordAuthentication yes", "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes", "Subsystem sftp internal-sftp", "MaxSessions 20",
                "MaxStartups 100:30:200", "AllowUsers " + user, "LogLevel VERBOSE", ""));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        for (Path folder : new Path[]{dir, userDir}) {
            if (folder != null) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The port sshd listens on (127.0.0.1 only). */
    public int port() {
        return port;
    }

    /** The user the tests log in as. */
    public String user() {
        return user;
    }

    /** The user's private key (OpenSSH format, no passphrase). */
    public byte[] userKey() {
        try {
            return Files.readAllBytes(dir.resolve("user_ed25519"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder the login user can write through SFTP. */
    public Path filesDir() {
        return userDir.resolve("files");
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it. */
    public String hostKeyFingerprint() {
        Result r = run("ssh-keygen", "-lf", hostKey() + ".pub");
        return r.output.trim().split("\\s+")[1];
    }

    /** The host key as a {@code known_hosts} line for 127.0.0.1, the way OpenSSH writes it for a non-22 port. */
    public String knownHostsLine() throws IOException {
        return knownHostsLine("127.0.0.1");
    }

    /** The host key as a {@code known_hosts} line for {@code host} (a name that resolves to 127.0.0.1). */
    public String knownHostsLine(String host) throws IOException {
        String[] pub = Files.readString(Path.of(hostKey() + ".pub")).trim().split("\\s+");
        return "[" + host + "]:" + port + " " + pub[0] + " " + pub[1] + "\n";
    }

    /** How many logins sshd has accepted since it started (from its log): each is one SSH session. */
    public long acceptedLogins() throws IOException {
        try (Stream<String> lines = Files.lines(dir.resolve("sshd.log"))) {
            return lines.filter(l -> l.contains("Accepted publickey for ") || l.contains("Accepted password for "))
                    .count();
        }
    }

    /** Stops sshd and its connections, makes a new host key and starts it again on the same port. */
    public void restartWithNewHostKey() throws Exception {
        stop();
        Files.delete(hostKey());
        Files.delete(Path.of(hostKey() + ".pub"));
        keygen(hostKey());
        start();
    }

    /** Kills every connection's sshd process (as a crash or a network cut would); the listener stays. */
    public void killConnections() {
        List<ProcessHandle> children = sshd.toHandle().descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        children.forEach(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
    }

    private Path hostKey() {
        return dir.resolve("host_ed25519");
    }

    private void start() throws Exception {
        if (root) {
            Files.createDirectories(Path.of("/run/sshd"));
        }
        Path log = dir.resolve("sshd.log");
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                fail("sshd exited with " + sshd.exitValue() + ":\n" + tail(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("sshd did not accept connections on 127.0.0.1:" + port + " within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private void stop() throws InterruptedException {
        if (sshd == null) {
            return;
        }
        // connections outlive the listener of 'sshd -D': end them too
        killConnections();
        sshd.destroy();
        if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
            sshd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        sshd = null;
    }

    private void giveToUser(Path path) throws IOException {
        if (root) {
            UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(path, owner);
        }
    }

    private static void keygen(Path key) {
        Result r = run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "opsbench-test", "-f", key.toString());
        if (r.exitCode != 0) {
            fail("ssh-keygen failed: " + r.output);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no sshd log: " + e.getMessage() + ")";
        }
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            return new Result(p.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
