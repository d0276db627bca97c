package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.PerfValue;
import org.opsbench.monitoring.PluginOutput;

/** Splitting plugin output into summary, long text and perfdata (Nagios plugin API, multi-line). */
class PluginOutputTest {

    @Test
    void singleLineWithoutPerfdata() {
        PluginOutput out = PluginOutput.parse("CRITICAL: text\n");
        assertEquals("CRITICAL: text", out.summary());
        assertEquals(List.of(), out.longText());
        assertEquals(List.of(), out.metrics());
    }

    @Test
    void singleLineWithPerfdata() {
        PluginOutput out = PluginOutput
                .parse("TCP OK - 0.000 second response time on 127.0.0.1 port 22|time=0.000110s;;;0.000000;10.000000");
        assertEquals("TCP OK - 0.000 second response time on 127.0.0.1 port 22", out.summary());
        assertEquals("time", out.metrics().get(0).label());
    }

    @Test
    void multiLineOutputCollectsPerfdataOfEveryLine() {
        String text = """
                DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968
                / 15272 MB (77%);
                /boot 68 MB (69%);
                /home 69357 MB (27%);
                /var/log 819 MB (84%); | /boot=68MB;88;93;0;98
                /home=69357MB;253404;253409;0;253414
                'var log'=818MB;970;975;0;980
                """;
        PluginOutput out = PluginOutput.parse(text);
        assertEquals("DISK OK - free space: / 3326 MB (56%);", out.summary());
        assertEquals(
                List.of("/ 15272 MB (77%);", "/boot 68 MB (69%);", "/home 69357 MB (27%);", "/var/log 819 MB (84%);"),
                out.longText());
        assertEquals(List.of("/", "/boot", "/home", "var log"), out.metrics().stream().map(PerfValue::label).toList());
    }

    @Test
    void emptyOutput() {
        PluginOutput out = PluginOutput.parse("");
        assertEquals("", out.summary());
        assertEquals(List.of(), out.metrics());
    }
}
