package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code bin/opsbench-server} process. Its standard output is drained by a thread into a queue of lines (so the
 * server never blocks on a full pipe), its standard error goes to a file. Every wait is bounded; on a timeout the
 * failure message carries what the server printed.
 */
final class RunningServer implements AutoCloseable {

    /** Bound of every wait: generous, the tests assert behaviour and never timings. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path workspace;
    private final Path report;
    private final Path stderr;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stdout = new StringBuffer();

    private int marker;

    private RunningServer(Process process, Path workspace, Path report, Path stderr) {
        this.process = process;
        this.workspace = workspace;
        this.report = report;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::drainStdout, "opsbench-server-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static RunningServer start(Path product, Path dir, String... options) throws IOException {
        return start(product, dir, "", options);
    }

    /** Starts the server with extra JVM options ({@code vmArgs}, space separated, may be empty). */
    static RunningServer start(Path product, Path dir, String vmArgs, String... options) throws IOException {
        Path workspace = dir.resolve("workspace");
        Path report = dir.resolve("ready");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(
                List.of(product.resolve("bin/opsbench-server").toString(), "--workspace", workspace.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(stderr.toFile());
        // the product runs on the JDK that runs the build
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPSBENCH_VM_ARGS", ("-Dopsbench.startupReport=" + report + " " + vmArgs).strip());
        return new RunningServer(builder.start(), workspace, report, stderr);
    }

    Path workspace() {
        return workspace;
    }

    Path log() {
        return workspace.resolve("logs/opsbench-server.log");
    }

    /** Waits for the start-up report ({@code ready_ms}, {@code ready}) and returns it. */
    Properties awaitReport() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            // the server writes the file in one call; it is complete once the last key is there
            if (Files.exists(report) && Files.readString(report).contains("ready=")) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(report)) {
                    p.load(in);
                }
                return p;
            }
            if (!process.isAlive()) {
                fail("The server exited with " + process.exitValue() + " before its start-up report. " + output());
            }
            Thread.sleep(50);
        }
        return fail("No start-up report within " + LIMIT.toSeconds() + " s. " + output());
    }

    /**
     * Types console input (one or more lines) and returns what the console printed up to and including the first line
     * that {@code last} accepts.
     */
    String command(String input, Predicate<String> last) throws IOException, InterruptedException {
        stdin.write(input + "\n");
        stdin.flush();
        StringBuilder answer = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String next = lines.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                answer.append(next).append('\n');
                if (last.test(next)) {
                    return answer.toString();
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        return fail("No complete answer to '" + input + "' within " + LIMIT.toSeconds() + " s: " + answer + output());
    }

    /** Logs the console in as {@code admin} with the initial password the server writes at its first start. */
    void loginAsAdmin() throws IOException, InterruptedException {
        loginAsAdmin(initialAdminPassword());
    }

    /** The initial password of {@code admin} that this server wrote at its first start (waits for the file). */
    String initialAdminPassword() throws IOException, InterruptedException {
        Path initial = workspace.resolve("security/initial-admin-password");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(initial) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return Files.readString(initial).strip();
    }

    /** Logs the console in as {@code admin} with {@code password} (a second server on a shared database). */
    void loginAsAdmin(String password) throws IOException, InterruptedException {
        String login = command("opsbench:login admin\n" + password, line -> line.contains("logged in as")
                || line.contains("error:"));
        assertTrue(login.contains("logged in as admin"), login);
    }

    /** Runs one console command and returns what it printed (up to a marker echoed after it). */
    String answer(String command) throws IOException, InterruptedException {
        String end = "END-OF-ANSWER-" + (++marker);
        String answer = command(command + "\necho " + end, line -> line.contains(end));
        // the console's prompt stands before the first line of each answer
        return answer.substring(0, answer.lastIndexOf(end)).replaceAll("(?m)^(g! )+", "");
    }

    /** Runs {@code command} again until its answer satisfies {@code done} (events arrive asynchronously). */
    String answerUntil(String command, Predicate<String> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String answer = "";
        while (System.nanoTime() < deadline) {
            answer = answer(command);
            if (done.test(answer)) {
                return answer;
            }
            Thread.sleep(200);
        }
        return fail("'" + command + "' never answered as expected within " + LIMIT.toSeconds() + " s; last: "
                + answer);
    }

    /** Waits until the server log holds {@code text} (the log is written asynchronously to the events it reports). */
    String awaitLog(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.exists(log()) ? Files.readString(log()) : "";
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(50);
        }
        return fail("The server log " + log() + " has no '" + text + "' after " + LIMIT.toSeconds() + " s. "
                + output());
    }

    /**
     * Sends SIGTERM ({@link Process#destroy()} does so on Linux) and waits for the process to exit; returns its exit
     * code.
     */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("The server did not exit within " + LIMIT.toSeconds() + " s of SIGTERM. " + output());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL ({@code kill -9}: no shutdown hook, no clean stop) and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("The server did not die within " + LIMIT.toSeconds() + " s of SIGKILL.");
        }
    }

    /** Kills the server if it still runs (after a failed test), and waits until it is gone. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the server printed so far, for failure messages. */
    String output() {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            err = e.toString();
        }
        return "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + err;
    }

    /**
     * The errors the server logged and the exceptions no thread caught, each with the line that follows it (for failure
     * messages: a failing write, a check thread that died).
     */
    String problems() throws IOException {
        List<String> out = new ArrayList<>();
        List<String> err = Files.exists(stderr) ? Files.readAllLines(stderr) : List.of();
        for (int i = 0; i < err.size(); i++) {
            if (err.get(i).startsWith("Exception in thread")) {
                out.add(err.get(i) + (i + 1 < err.size() ? " " + err.get(i + 1).strip() : ""));
            }
        }
        if (Files.exists(log())) {
            Files.readAllLines(log()).stream().filter(l -> l.contains(" ERROR ")).forEach(out::add);
        }
        return String.join("\n", out);
    }

    private void drainStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                stdout.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe broke with the process: what it printed is in stdout already
        }
    }
}
