package org.opsbench.monitoring.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a rule test file (the format is in {@code docs/alert-rule-tests.md}): definitions shared by all its tests, then
 * {@code test} blocks. Every problem is collected with its line number before anything runs.
 */
public final class RuleTestParser {

    /** Most problems reported for one file; the rest would only repeat the first mistakes. */
    static final int MAX_PROBLEMS = 25;

    private RuleTestParser() {
    }

    /**
     * Parses the text of a file.
     *
     * @param file
     *            its name, for messages
     * @throws RuleFileException
     *             listing every problem, by line
     */
    static List<RuleTest> parse(String file, String text) throws RuleFileException {
        Definitions shared = new Definitions();
        List<TestBuilder> tests = new ArrayList<>();
        List<Line.ParseError> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                Line line = Line.of(i + 1, lines[i]);
                if (!line.isEmpty()) {
                    TestBuilder current = tests.isEmpty() ? null : tests.get(tests.size() - 1);
                    TestBuilder started = directive(file, line, shared, current);
                    if (started != null) {
                        tests.add(started);
                    }
                }
            } catch (Line.ParseError e) {
                problems.add(e);
            }
        }
        if (tests.isEmpty() && problems.isEmpty()) {
            problems.add(new Line.ParseError(1, "no test in the file: start one with 'test NAME'"));
        }
        List<RuleTest> resolved = new ArrayList<>();
        for (TestBuilder t : tests) {
            RuleTest r = t.resolve(shared, problems);
            if (r != null) {
                resolved.add(r);
            }
        }
        for (int i = 0; i < tests.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (tests.get(i).name().equals(tests.get(j).name())) {
                    problems.add(new Line.ParseError(tests.get(i).line(), "test '" + tests.get(i).name()
                            + "' is already declared on line " + tests.get(j).line()));
                }
            }
        }
        if (!problems.isEmpty()) {
            // a shared definition's problem shows once, not once for every test that uses it
            throw new RuleFileException(file, problems.stream().sorted(Comparator.comparingInt(e -> e.line))
                    .map(e -> file + ":" + e.line + ": " + e.getMessage()).distinct().limit(MAX_PROBLEMS).toList());
        }
        return resolved;
    }

    /** Handles one line; returns a new test when the line starts one. */
    private static TestBuilder directive(String file, Line line, Definitions shared, TestBuilder test) {
        Definitions defs = test == null ? shared : test.definitions();
        switch (line.directive()) {
            case "host" -> defs.host(line);
            case "check" -> defs.check(line);
            case "rule" -> defs.rule(line);
            case "test" -> {
                return new TestBuilder(file, line);
            }
            case "input", "downtime", "ack", "unack", "eval", "alert", "state" -> {
                if (test == null) {
                    throw line.error("'" + line.directive() + "' belongs in a test: start one with 'test NAME'");
                }
                switch (line.directive()) {
                    case "input" -> test.input(line);
                    case "downtime" -> test.downtime(line);
                    case "ack" -> test.ack(line);
                    case "unack" -> test.unack(line);
                    case "eval" -> test.eval(line);
                    case "alert" -> test.alert(line);
                    default -> test.state(line);
                }
            }
            default -> throw line.error("unknown directive '" + line.directive() + "' (use host, check, rule, test,"
                    + " input, downtime, ack, unack, eval, alert, state)");
        }
        return null;
    }
}
