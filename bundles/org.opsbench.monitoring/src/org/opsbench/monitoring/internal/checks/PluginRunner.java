package org.opsbench.monitoring.internal.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one plugin program without a shell, with a bounded output and a timeout after which the whole process tree is
 * killed.
 */
final class PluginRunner {

    /** Output beyond this is dropped (Nagios keeps far less). */
    static final int MAX_OUTPUT = 64 * 1024;

    /** What a run gave: exit code and standard output, or a timeout. */
    record Outcome(boolean timedOut, int exitCode, String output) {
    }

    private PluginRunner() {
    }

    static Outcome run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // a clean environment as Nagios gives its plugins: nothing of the workbench's (tokens, proxies) leaks in;
        // numbers with a point and messages in English, as the perfdata parser and operators expect
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LC_ALL", "C");
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
                runnable -> Thread.ofVirtual().name("opsbench-plugin-output").start(runnable));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new Outcome(true, -1, "");
            }
            return new Outcome(false, process.exitValue(),
                    output.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            // a child kept the pipe open after the plugin exited: take the plugin's verdict without its text
            killTree(process);
            return new Outcome(false, process.exitValue(), "");
        }
    }

    /** Kills the plugin and everything it started; the children are collected first, before they are re-parented. */
    static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
        for (ProcessHandle child : descendants) {
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // still there after SIGKILL: nothing more to do from here
            }
        }
    }

    private static String read(InputStream in) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                int room = MAX_OUTPUT - buffer.size();
                if (room > 0) {
                    buffer.write(chunk, 0, Math.min(room, n));
                }
            }
        } catch (IOException e) {
            // the process was killed: keep what came
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
