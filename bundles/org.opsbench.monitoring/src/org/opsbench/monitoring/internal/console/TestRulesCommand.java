package org.opsbench.monitoring.internal.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Process;
import org.opsbench.core.security.AccessControl;
import org.opsbench.monitoring.MonitoringPermissions;
import org.opsbench.monitoring.internal.rules.RuleTests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code test-rules FILE...}: runs alert rule test files (see {@code docs/alert-rule-tests.md}) on the real engine with
 * a simulated clock; nothing of the running monitoring is touched. Prints a line per test case, the difference of each
 * failure and {@code N passed, M failed}; when anything failed the command fails too (Gogo's {@code ||} runs).
 */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE,
        "osgi.command.function=test-rules"})
public final class TestRulesCommand extends MonitoringCommand {

    static final String USAGE = "test-rules FILE...";
    /** Largest file read: a rule test is hand-written text. */
    static final long MAX_BYTES = 1024 * 1024;

    private final AccessControl access;

    @Activate
    public TestRulesCommand(@Reference AccessControl access) {
        this.access = access;
    }

    @Override
    Set<String> functions() {
        return Set.of("test-rules");
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        // the files' lines are echoed in errors: reading them takes the right to read monitoring
        access.check(principal(session), MonitoringPermissions.READ);
        arg(args, 0, USAGE);
        Path base = session.currentDir() == null ? Path.of("").toAbsolutePath() : session.currentDir();
        List<RuleTests.Source> sources = new ArrayList<>();
        for (String name : args) {
            sources.add(read(name, base.resolve(name)));
        }
        RuleTests.Report report = RuleTests.run(sources);
        Process process = current();
        if (!report.ok() && process != null) {
            // a failed command: Gogo drops the value of a command with an error code, so print the report here
            process.out().println(report.text());
            process.out().flush();
            process.error(1);
            return null;
        }
        return report.text();
    }

    private static RuleTests.Source read(String name, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return RuleTests.Source.unreadable(name, "no such file: " + file);
            }
            if (Files.size(file) > MAX_BYTES) {
                return RuleTests.Source.unreadable(name, "larger than " + MAX_BYTES / 1024 + " KiB: " + file);
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return RuleTests.Source.of(name, text);
        } catch (CharacterCodingException e) {
            return RuleTests.Source.unreadable(name, "not UTF-8 text: " + file);
        } catch (IOException e) {
            return RuleTests.Source.unreadable(name, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Process current() {
        try {
            return Process.Utils.current();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
