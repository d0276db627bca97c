package org.opsbench.monitoring.internal.rules;

import java.util.List;

/**
 * Alert rule tests, like {@code promtool test rules}: files that declare hosts, checks and notification rules, feed
 * given results to the real engine on a simulated clock and compare the alerts it decides with the expected ones. The
 * console command {@code monitoring:test-rules} and the tests run them through here.
 */
public final class RuleTests {

    /**
     * One file to run.
     *
     * @param name
     *            its name, for messages
     * @param text
     *            its text, or {@code null} when it could not be read
     * @param error
     *            why it could not be read, or {@code null}
     */
    public record Source(String name, String text, String error) {

        /** A file's text. */
        public static Source of(String name, String text) {
            return new Source(name, text, null);
        }

        /** A file that could not be read, reported as a failure. */
        public static Source unreadable(String name, String reason) {
            return new Source(name, null, reason);
        }
    }

    /**
     * What a run found.
     *
     * @param passed
     *            test cases that passed
     * @param failed
     *            test cases that failed, plus one for every file that could not be read or parsed
     * @param text
     *            the report: one line a test case, the difference of each failure (expected vs got, with line numbers),
     *            and {@code N passed, M failed} as its last line
     */
    public record Report(int passed, int failed, String text) {

        /** Whether everything passed. */
        public boolean ok() {
            return failed == 0;
        }
    }

    private RuleTests() {
    }

    /** Parses and runs every source, in order. */
    public static Report run(List<Source> sources) {
        StringBuilder out = new StringBuilder();
        int passed = 0;
        int failed = 0;
        for (Source source : sources) {
            out.append(source.name()).append('\n');
            if (source.text() == null) {
                out.append("  ERROR  ").append(source.error()).append('\n');
                failed++;
                continue;
            }
            List<RuleTest> tests;
            try {
                tests = RuleTestParser.parse(source.name(), source.text());
            } catch (RuleFileException e) {
                out.append("  ERROR  the file cannot be run:\n");
                e.problems().forEach(p -> out.append("    ").append(p).append('\n'));
                failed++;
                continue;
            }
            for (RuleTest test : tests) {
                RuleTestRunner.CaseResult result = RuleTestRunner.run(test);
                if (result.passed()) {
                    passed++;
                    out.append("  PASS   ").append(test.name()).append(" (line ").append(test.line()).append(")\n");
                } else {
                    failed++;
                    out.append("  FAIL   ").append(test.name()).append(" (line ").append(test.line()).append(")\n");
                    for (String failure : result.failures()) {
                        for (String line : failure.split("\n")) {
                            out.append("    ").append(line).append('\n');
                        }
                    }
                }
            }
        }
        out.append(passed).append(" passed, ").append(failed).append(" failed");
        return new Report(passed, failed, out.toString());
    }
}
