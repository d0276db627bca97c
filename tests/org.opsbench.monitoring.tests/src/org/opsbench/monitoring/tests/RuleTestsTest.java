package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.rules.RuleTests;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Alert rule test files run on the real engine: the shipped examples pass, every expectation in them is needed, a wrong
 * expectation fails with a diff that names its lines, and a malformed file is refused line by line.
 */
class RuleTestsTest {

    private static final String SETUP = """
            host h
            check h/c max-attempts=1
            rule r states=CRITICAL notifier=log
            """;

    /** The example files shipped in the monitoring bundle ({@code rules-examples/}), by name. */
    static Map<String, String> examples() throws IOException {
        Bundle monitoring = FrameworkUtil.getBundle(Engine.class);
        Enumeration<URL> entries = monitoring.findEntries("rules-examples", "*.rules", false);
        Map<String, String> out = new TreeMap<>();
        for (URL url : Collections.list(entries)) {
            try (InputStream in = url.openStream()) {
                String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
                out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static RuleTests.Report run(String name, String text) {
        return RuleTests.run(List.of(RuleTests.Source.of(name, text)));
    }

    @Test
    void shippedExamplesPassAndCoverWhatTheEngineDecides() throws Exception {
        Map<String, String> examples = examples();
        assertEquals(List.of("dependencies.rules", "downtime.rules", "flapping.rules", "repeat-escalation.rules",
                "soft-to-hard.rules", "thresholds.rules", "web-shop.rules"), List.copyOf(examples.keySet()));
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> e : examples.entrySet()) {
            RuleTests.Report report = run(e.getKey(), e.getValue());
            long cases = e.getValue().lines().filter(l -> l.startsWith("test ")).count();
            assertTrue(report.ok(), report.text());
            assertEquals(cases, report.passed(), report.text());
            assertTrue(report.text().endsWith(cases + " passed, 0 failed"), report.text());
            all.append(e.getValue());
        }
        for (String decision : List.of("SUPPRESSED_DOWNTIME", "SUPPRESSED_FLAPPING", "SUPPRESSED_UNREACHABLE",
                "NO_RULE", "alert PROBLEM", "alert RECOVERY", "alert REPEAT", "alert ESCALATION", "alert FLAPPING",
                "alert ACKNOWLEDGEMENT", "SOFT attempt=2", "cancel=", "unack ")) {
            assertTrue(all.toString().contains(decision), "no example shows " + decision);
        }
    }

    @Test
    void everyAlertExpectedInTheExamplesIsNeeded() throws Exception {
        // dropping any one expected alert must make its file fail: no expectation in the examples is decoration
        for (Map.Entry<String, String> e : examples().entrySet()) {
            List<String> lines = e.getValue().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("alert ")) {
                    List<String> without = new ArrayList<>(lines);
                    without.set(i, "");
                    RuleTests.Report report = run(e.getKey(), String.join("\n", without));
                    assertEquals(1, report.failed(), e.getKey() + ":" + (i + 1) + " is not needed");
                    assertTrue(report.text().contains("+ alert " + lines.get(i).strip().substring(6).split(" ")[0]),
                            report.text());
                }
            }
        }
    }

    @Test
    void everyStateExpectedInTheExamplesIsChecked() throws Exception {
        Pattern state = Pattern.compile("(state \\S+ )(\\w+)(.*)");
        for (Map.Entry<String, String> e : examples().entrySet()) {
            List<String> lines = e.getValue().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = state.matcher(lines.get(i).strip());
                if (m.matches()) {
                    List<String> changed = new ArrayList<>(lines);
                    changed.set(i, m.group(1) + "PENDING");
                    RuleTests.Report report = run(e.getKey(), String.join("\n", changed));
                    assertEquals(1, report.failed(), e.getKey() + ":" + (i + 1) + " is not checked");
                    assertTrue(report.text().contains("line " + (i + 1)), report.text());
                }
            }
        }
    }

    @Test
    void wrongExpectationFailsWithExpectedAndGotAndTheLines() {
        RuleTests.Report report = run("wrong.rules", SETUP + """

                test "wrong"
                input h/c OK CRITICAL
                eval 1m
                  alert PROBLEM h/c WARNING rule=r
                  state h/c OK
                """);
        assertEquals(0, report.passed());
        assertEquals(1, report.failed());
        assertEquals("""
                wrong.rules
                  FAIL   wrong (line 5)
                    eval 1m (line 7): alerts differ
                        - alert PROBLEM h/c WARNING SENT rule=r                 line 8, not raised
                        + alert PROBLEM h/c CRITICAL SENT rule=r notifier=log   at 1m, not expected
                    eval 1m (line 7): state of h/c differs
                        - state h/c OK                                                                line 9
                        + state h/c CRITICAL HARD attempt=1 flapping=no acknowledged=no downtime=no   got
                0 passed, 1 failed""", report.text());
    }

    @Test
    void alertsAtTheWrongTimeShowWhenTheyCame() throws Exception {
        String shop = examples().get("web-shop.rules").replace("eval 35m40s", "eval 35m39s");
        RuleTests.Report report = run("web-shop.rules", shop);
        assertEquals(2, report.passed());
        List<String> expected = List.of("eval 35m39s (line 17): alerts differ",
                "- alert ESCALATION shop-1/https CRITICAL SENT rule=oncall notifier=smtp   line 19, not raised",
                "eval 43m40s (line 20): alerts differ",
                "alert RECOVERY shop-1/https OK SENT rule=oncall notifier=webhook        line 21, at 43m40s",
                "alert RECOVERY shop-1/https OK SENT rule=oncall notifier=smtp           line 23, at 43m40s",
                "+ alert ESCALATION shop-1/https CRITICAL SENT rule=oncall notifier=smtp   at 35m40s, not expected");
        List<String> got = report.text().lines().map(String::strip).toList();
        assertTrue(Collections.indexOfSubList(got, expected) >= 0, report.text());
    }

    @Test
    void anExpectationWithoutRuleMatchesOneAlertOfAnyRule() {
        String twoRules = SETUP + "rule s states=CRITICAL notifier=webhook\n\ntest \"two rules\"\ninput h/c CRITICAL\n"
                + "eval 0s\n";
        assertTrue(run("two.rules", twoRules + "  alert PROBLEM h/c CRITICAL\n  alert PROBLEM h/c CRITICAL rule=r\n")
                .ok(), "the wildcard takes the alert the precise expectation does not need");
        RuleTests.Report one = run("two.rules", twoRules + "  alert PROBLEM h/c CRITICAL\n");
        assertFalse(one.ok());
        assertEquals(1, one.text().lines().filter(l -> l.strip().startsWith("+ alert PROBLEM h/c CRITICAL")).count(),
                one.text());
    }

    @Test
    void resultsFollowTheRetryIntervalWhileSoftAndTheIntervalOnceHard() {
        String text = """
                host h
                check h/c interval=5m retry=10s max-attempts=3
                rule r states=CRITICAL,OK notifier=log
                test "timing"
                input h/c CRITICAL x3 OK
                eval 10s
                  state h/c CRITICAL SOFT attempt=2
                eval 19s
                eval 20s
                  alert PROBLEM h/c CRITICAL rule=r
                eval 5m19s
                eval 5m20s
                  alert RECOVERY h/c OK rule=r
                """;
        RuleTests.Report report = run("timing.rules", text);
        assertTrue(report.ok(), report.text());
    }

    @Test
    void seriesExpandAsInPromtoolAndGapsSkipARun() {
        String text = """
                host h
                check h/c max-attempts=1 metric=v critical=10
                rule r states=CRITICAL notifier=log
                test "expanding"
                # 0 5 10 15: 15 is outside 0..10
                input h/c 0+5x3
                eval 2m
                  state h/c OK HARD
                eval 3m
                  alert PROBLEM h/c CRITICAL rule=r
                test "gaps"
                input h/c OK _x2 _ CRITICAL
                eval 3m59s
                  state h/c OK
                eval 4m
                  alert PROBLEM h/c CRITICAL rule=r
                test "repetition"
                input h/c OK x3 CRITICAL:2 20-5x2
                eval 3m
                  alert PROBLEM h/c CRITICAL rule=r
                eval 5m
                  state h/c CRITICAL HARD
                eval 6m
                  alert RECOVERY h/c OK NO_RULE
                  state h/c OK HARD
                """;
        RuleTests.Report report = run("series.rules", text);
        assertTrue(report.ok(), report.text());
        assertEquals(3, report.passed());
    }

    @Test
    void anImpossibleActionFailsTheTestNamingItsLine() {
        RuleTests.Report report = run("ack.rules", SETUP + """
                test "ack too early"
                input h/c OK CRITICAL
                ack h/c at=30s "looking"
                unack h/c at=2m
                eval 3m
                  alert PROBLEM h/c CRITICAL rule=r
                """);
        assertFalse(report.ok());
        assertTrue(report.text().contains("line 6: ack h/c at 30s: h/c has no problem to acknowledge (state OK)"),
                report.text());
        assertTrue(report.text().contains("line 7: unack h/c at 2m: it has no acknowledgement"), report.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            hots h                                    | bad.rules:1: unknown directive 'hots'
            host h intervall=1m                       | bad.rules:1: unknown option 'intervall=' for host
            host h max-attempts=0                     | bad.rules:1: max-attempts: must be a whole number from 1 to 20, was '0'
            host h interval=5x                        | bad.rules:1: interval: not a duration: '5x'
            check h/c metric=t warning=1,5            | bad.rules:1: warning: decimal comma in '1,5'
            rule r states=CRITCAL notifier=log        | bad.rules:1: states: unknown state 'CRITCAL'
            rule r states=CRITICAL                    | bad.rules:1: rule: notifier= is required
            rule r states=OK notifier=log repeat=30s  | bad.rules:1: repeat: at most once a minute
            input h/c OK                              | bad.rules:1: 'input' belongs in a test
            host h "quoted                            | bad.rules:1: unterminated quote
            """)
    void malformedLinesAreRefusedNamingTheLineAndTheToken(String line, String message) {
        RuleTests.Report report = run("bad.rules", line + "\n");
        assertEquals(1, report.failed());
        assertTrue(report.text().contains("  ERROR  the file cannot be run:\n    " + message), report.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            input h/c OK CRITCAL                  | bad.rules:6: not a result: 'CRITCAL'
            input h/c OK UP                       | bad.rules:6: 'UP' is a host result
            input h/c 12                          | bad.rules:6: '12' gives a metric value, but the check has no metric=
            input h/c x3                          | bad.rules:6: 'x3' repeats the value before it, and there is none
            input h/d OK                          | bad.rules:6: no check 'h/d' (declared: h/c)
            input h DOWN:3                        | bad.rules:6: a host result is UP or DOWN, not a metric value: 'DOWN:3'
            ack h/c "no time"                     | bad.rules:6: ack: at= is required
            downtime h start=10m end=5m           | bad.rules:6: end: must be after start=10m
            alert PROBLM h/c                      | bad.rules:6: not an alert kind: 'PROBLM'
            alert PROBLEM h/c DOWN                | bad.rules:6: 'DOWN' is not a check state
            alert PROBLEM h/c NO_RULE rule=r      | bad.rules:6: rule= and notifier= only apply to SENT alerts
            alert PROBLEM h/c FAILED              | bad.rules:6: FAILED cannot happen in a rule test
            state h/c CRITICAL FIRM               | bad.rules:6: not a state type: 'FIRM'
            eval 1m                               | bad.rules:6: eval 1m is not after the eval on line 5 (1m)
            eval 32d                              | bad.rules:6: eval 32d: a test simulates at most 31d
            """)
    void malformedTestLinesAreRefusedNamingTheLineAndTheToken(String line, String message) {
        RuleTests.Report report = run("bad.rules", SETUP + "test \"t\"\neval 1m\n" + line + "\n");
        assertEquals(1, report.failed());
        assertTrue(report.text().contains("    " + message), report.text());
    }

    @Test
    void everyProblemOfAFileIsListedByLine() {
        RuleTests.Report report = run("many.rules", """
                host web-1
                check web-2/db
                test "no eval"
                input web-1 UP
                test "no eval"
                """);
        assertEquals("""
                many.rules
                  ERROR  the file cannot be run:
                    many.rules:2: check web-2/db: no host 'web-2' (declare it with 'host web-2')
                    many.rules:3: test 'no eval' has no eval: nothing would be checked
                    many.rules:5: test 'no eval' has no eval: nothing would be checked
                    many.rules:5: test 'no eval' is already declared on line 3
                0 passed, 1 failed""", report.text());
    }

    @Test
    void theWorkedExampleOfTheDocsIsTheShippedFile() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("opsbench.docs"), "alert-rule-tests.md"));
        Matcher block = Pattern.compile("(?s)<!-- rules-examples/web-shop.rules -->\\s*```text\\n(.*?)```")
                .matcher(docs);
        assertTrue(block.find(), "docs/alert-rule-tests.md shows rules-examples/web-shop.rules");
        assertEquals(examples().get("web-shop.rules"), block.group(1));
    }
}
