package org.opsbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A real PostgreSQL server on 127.0.0.1 for one test class (or, registered once and started by hand, for a whole run):
 * {@code initdb} into a 0700 temp folder, {@code postgres} on a free port with its unix socket in that folder, one
 * database {@value #DATABASE} owned by the user {@value #USER} with a random password. Stopped and deleted after all
 * tests.
 * <p>
 * PostgreSQL refuses to run as root: when the tests run as root, the server runs as {@link SshdExtension#TEST_USER}
 * (made by {@code releng/scripts/env.sh}), or else as the {@code postgres} user of Debian's package, through
 * {@code runuser}; the temp folder belongs to that user. The binaries come from {@code /usr/lib/postgresql/<
 * newest>/bin} unless the system property {@value #BIN_PROPERTY} names a folder.
 * <p>
 * {@link #configureDataSource(BundleContext)} points the shared Opsbench data source at the server through ConfigAdmin;
 * the password travels as a system property reference ({@code passwordReference=property:...}), never in the
 * configuration.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    /** The database created for the tests. */
    public static final String DATABASE = "opsbench";
    /** The owner of {@link #DATABASE} (not a superuser). */
    public static final String USER = "opsbench";
    /** System property naming the folder with initdb, pg_ctl, postgres and psql. */
    public static final String BIN_PROPERTY = "opsbench.postgres.bin";
    /** Set to {@code postgres} to run the persistence-facing tests against PostgreSQL. */
    public static final String DATABASE_PROPERTY = "opsbench.test.database";

    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONFIGURE_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger GENERATIONS = new AtomicInteger();
    private static final String GENERATION = "opsbench.test.pg.generation";

    private final boolean root = "root".equals(System.getProperty("user.name"));
    private String runAs;
    private Path dir;
    private Path bin;
    private int port;
    private String password;
    private boolean running;

    /** Whether the tests of this run should use PostgreSQL ({@code -Dopsbench.test.database=postgres}). */
    public static boolean requested() {
        return "postgres".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY, ""));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Creates, starts and prepares the server; does nothing when it already runs. */
    public synchronized void start() throws Exception {
        if (running) {
            return;
        }
        bin = binaries();
        runAs = root ? serverUser() : null;
        dir = Files.createTempDirectory("opsbench-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (root) {
            UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(runAs);
            Files.setOwner(dir, owner);
        }
        password = randomPassword();
        Path pwfile = dir.resolve("superuser.pw");
        // initdb reads the superuser password from a file; it is deleted right after
        Files.writeString(pwfile, randomPassword() + "\n");
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        if (root) {
            Files.setOwner(pwfile,
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(runAs));
        }
        Result init = run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U",
                SUPERUSER, "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C", "--auth-local=trust",
                "--auth-host=scram-sha-256", "--no-sync")));
        Files.deleteIfExists(pwfile);
        if (init.exitCode != 0) {
            fail("initdb failed (" + init.exitCode + "):\n" + init.output);
        }
        port = SshdExtension.freePort();
        // durability off: a test database is thrown away, and fsync per commit would dominate the run time
        String options = "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
                + " -c shared_buffers=32MB";
        Result started = run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
                dir.resolve("postgres.log").toString(), "-o", options, "-w", "-t",
                Long.toString(START_TIMEOUT.toSeconds()), "start")));
        if (started.exitCode != 0) {
            fail("PostgreSQL did not start on 127.0.0.1:" + port + " (" + started.exitCode + "):\n" + started.output
                    + "\n" + tail(dir.resolve("postgres.log")));
        }
        running = true;
        psql("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        createDatabase(DATABASE);
    }

    /** Stops the server and deletes its folder; does nothing when it does not run. */
    public synchronized void stop() throws Exception {
        if (dir == null) {
            return;
        }
        if (running) {
            Result stopped = run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(),
                    "-m", "immediate", "-w", "stop")));
            running = false;
            if (stopped.exitCode != 0) {
                System.err.println("pg_ctl stop failed: " + stopped.output);
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        dir = null;
    }

    /** The port the server listens on (127.0.0.1 only). */
    public int port() {
        return port;
    }

    /** The JDBC URL of the test database {@value #DATABASE}. */
    public String url() {
        return url(DATABASE);
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The login of the test databases' owner. */
    public String user() {
        return USER;
    }

    /** The random password of {@link #user()}. */
    public String password() {
        return password;
    }

    /** The name of the system property that holds the password while the server runs (for passwordReference). */
    public String passwordProperty() {
        return "opsbench.test.postgres.password." + port;
    }

    /** Creates an empty database owned by {@link #user()}, dropped with the server. */
    public synchronized String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + USER + " ENCODING 'UTF8' TEMPLATE template0");
        return url(name);
    }

    /** Drops {@code name} and creates it again, empty (for tests that need a fresh schema). */
    public synchronized String recreateDatabase(String name) {
        psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        return createDatabase(name);
    }

    /**
     * Runs {@code sql} as the superuser in {@code database} through {@code psql} (unix socket) and returns what it
     * printed (unaligned, tuples only); fails the test on an error.
     */
    public String psql(String database, String sql) {
        Result r = run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                dir.toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database, "-c", sql));
        if (r.exitCode != 0) {
            fail("psql failed (" + r.exitCode + ") on: " + sql + "\n" + r.output);
        }
        return r.output.strip();
    }

    /** Restores a {@code pg_dump --format=custom} file into {@code database} (as the superuser); fails on an error. */
    public void pgRestore(Path dump, String database) {
        Result r = run(List.of(bin.resolve("pg_restore").toString(), "--no-owner", "--role=" + USER, "-h",
                dir.toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database, dump.toString()));
        if (r.exitCode != 0) {
            fail("pg_restore failed (" + r.exitCode + "):\n" + r.output);
        }
    }

    /**
     * The data source settings for {@code database}: url, user and a passwordReference to a system property that this
     * method sets (the password never goes into ConfigAdmin).
     */
    public Map<String, Object> dataSourceProperties(String database) {
        System.setProperty(passwordProperty(), password);
        Map<String, Object> properties = new HashMap<>();
        properties.put("url", url(database));
        properties.put("user", USER);
        properties.put("passwordReference", "property:" + passwordProperty());
        return properties;
    }

    /**
     * Points the shared data source ({@code org.opsbench.persistence.datasource}) at the test database and waits for
     * the new {@link DataSource} service.
     */
    public DataSource configureDataSource(BundleContext context) throws Exception {
        return configureDataSource(context, DATABASE, Map.of());
    }

    /** Points the shared data source at {@code database} with {@code extra} settings (pool size, ...) and waits. */
    public DataSource configureDataSource(BundleContext context, String database, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> properties = new HashMap<>(dataSourceProperties(database));
        properties.putAll(extra);
        int generation = GENERATIONS.incrementAndGet();
        properties.put(GENERATION, generation);
        ConfigurationAdmin admin = Services.await(context, ConfigurationAdmin.class, null, CONFIGURE_TIMEOUT);
        Configuration config = admin.getConfiguration("org.opsbench.persistence.datasource", "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        config.update(dictionary);
        return Services.await(context, DataSource.class, "(&(opsbench.datasource=default)(" + GENERATION + "="
                + generation + "))", CONFIGURE_TIMEOUT);
    }

    /** Removes the data source configuration again (back to the embedded workspace database). */
    public void resetDataSource(BundleContext context) throws Exception {
        ConfigurationAdmin admin = Services.await(context, ConfigurationAdmin.class, null, CONFIGURE_TIMEOUT);
        admin.getConfiguration("org.opsbench.persistence.datasource", "?").delete();
        Services.await(context, DataSource.class, "(&(opsbench.datasource=default)(!(" + GENERATION + "=*)))",
                CONFIGURE_TIMEOUT);
    }

    /** The server's data folder (initdb's), for tests that look at what reached the disk. */
    public Path dataFolder() {
        return data();
    }

    /** The server's log (for failure messages). */
    public String logTail() {
        return dir == null ? "" : tail(dir.resolve("postgres.log"));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private List<String> asServerUser(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", runAs, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The unprivileged user that runs the server when the tests run as root: {@link SshdExtension#TEST_USER} (made by
     * {@code releng/scripts/env.sh}), else the {@code postgres} user of Debian's package.
     */
    private static String serverUser() {
        for (String user : List.of(SshdExtension.TEST_USER, SUPERUSER)) {
            if (run(List.of("id", "-u", user)).exitCode == 0) {
                return user;
            }
        }
        fail("PostgreSQL refuses to run as root; the tests run it as '" + SshdExtension.TEST_USER + "' or '"
                + SUPERUSER + "', and neither exists. Create one with: useradd -m -s /bin/sh "
                + SshdExtension.TEST_USER);
        return null;
    }

    private static Path binaries() throws IOException {
        String configured = System.getProperty(BIN_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path newest = versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresExtension::major)).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        fail("no PostgreSQL server found under /usr/lib/postgresql: apt-get install postgresql"
                + " (or set -D" + BIN_PROPERTY + "=<folder with initdb>)");
        return null;
    }

    private static int major(Path versionFolder) {
        try {
            return Integer.parseInt(versionFolder.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no postgres log: " + e.getMessage() + ")";
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) {
        try {
            // runuser keeps the working folder, which the server user may not enter
            Process p = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
