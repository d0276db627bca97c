package org.opsbench.persistence.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backs a PostgreSQL database up with {@code pg_dump -Fc} (a consistent snapshot while the database is in use). The
 * password goes to {@code pg_dump} in its environment ({@code PGPASSWORD}), never on the command line or disk.
 */
final class PgDump {

    /** System property naming the pg_dump binary; default: the newest under /usr/lib/postgresql, else PATH. */
    static final String BINARY_PROPERTY = "opsbench.pg_dump";
    /** System property naming the pg_restore binary, found as pg_dump is. */
    static final String RESTORE_PROPERTY = "opsbench.pg_restore";
    /** The file written into the backup folder. */
    static final String DUMP_FILE = "opsbench.dump";

    private PgDump() {
    }

    /** Dumps the database of {@code source} into {@code target}/{@value #DUMP_FILE}. */
    static Path dump(PostgresSource source, Path target) throws IOException {
        Path file = target.resolve(DUMP_FILE);
        List<String> command = new ArrayList<>(
                List.of(binary("pg_dump", BINARY_PROPERTY), "--format=custom", "--no-password",
                        "--file=" + file, "--dbname=" + libpqUri(source.url())));
        if (!source.user().isEmpty()) {
            command.add("--username=" + source.user());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        if (source.password() != null) {
            pb.environment().put("PGPASSWORD", source.password());
        }
        Finished done = exec(pb, "pg_dump");
        int exit = done.exit();
        String output = done.output().strip();
        if (exit != 0 || !Files.isRegularFile(file)) {
            throw new IOException("pg_dump of " + Urls.safe(source.url()) + " failed (exit code " + exit + "): "
                    + output);
        }
        return target;
    }

    /**
     * {@code jdbc:postgresql://host:port/db?...} as a libpq URI; only {@code sslmode} of the parameters carries over.
     */
    static String libpqUri(String jdbcUrl) {
        String rest = jdbcUrl.substring(PostgresSource.PREFIX.length());
        if (!rest.startsWith("//")) {
            rest = "//localhost/" + rest;
        }
        int query = rest.indexOf('?');
        String base = query < 0 ? rest : rest.substring(0, query);
        String sslmode = "";
        if (query >= 0) {
            for (String param : rest.substring(query + 1).split("&")) {
                if (param.startsWith("sslmode=")) {
                    sslmode = "?" + param;
                }
            }
        }
        return "postgresql:" + base + sslmode;
    }

    /**
     * Reads a dump whole with {@code pg_restore}: its table of contents ({@code --list}), then every entry, table data
     * included, decoded into a script that goes nowhere. Returns what it found.
     */
    static String check(Path dump) throws IOException {
        String restore = binary("pg_restore", RESTORE_PROPERTY);
        String toc = run(List.of(restore, "--list", dump.toString()), "pg_restore --list");
        long tables = toc.lines().filter(l -> l.contains(" TABLE DATA ")).count();
        run(List.of(restore, "--file=/dev/null", dump.toString()), "pg_restore");
        return "pg_restore read the dump whole (" + tables + " tables' data, "
                + toc.lines().filter(l -> !l.startsWith(";") && !l.isBlank()).count()
                + " entries); not restored into a database";
    }

    private static String run(List<String> command, String what) throws IOException {
        Finished done = exec(new ProcessBuilder(command), what);
        if (done.exit() != 0) {
            throw new IOException(what + " could not read the dump (exit code " + done.exit() + "): "
                    + done.output().strip());
        }
        return done.output();
    }

    /** How a program ended: its exit code and what it wrote (standard output and error together). */
    private record Finished(int exit, String output) {
    }

    /** Runs a program with no input to its end. */
    private static Finished exec(ProcessBuilder pb, String what) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Finished(p.waitFor(), output);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
    }

    private static String binary(String name, String property) throws IOException {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path newest = versions.map(v -> v.resolve("bin/" + name)).filter(Files::isExecutable)
                        .max(Comparator.comparingInt(PgDump::major)).orElse(null);
                if (newest != null) {
                    return newest.toString();
                }
            }
        }
        return name;
    }

    private static int major(Path pgDump) {
        try {
            return Integer.parseInt(pgDump.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
