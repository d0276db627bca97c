package org.opsbench.monitoring.internal.checks;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.PerfValue;
import org.opsbench.monitoring.PerfdataException;
import org.opsbench.monitoring.PluginOutput;

/** Results from monitoring-plugins style output, wherever it ran (here, or over SSH). */
final class PluginResults {

    private PluginResults() {
    }

    /**
     * The result for a plugin's state and output: the first line is the summary, perfdata become metrics. Bad perfdata
     * is named in the summary, not fatal.
     *
     * @param what
     *            the command, for the summary of an empty output
     */
    static CheckResult of(Health health, String output, String what) {
        PluginOutput parsed = PluginOutput.parse(output);
        String summary = parsed.summary().isEmpty() ? "(no output from " + what + ")" : parsed.summary();
        try {
            List<Metric> metrics = parsed.metrics().stream().map(PerfValue::toMetric).flatMap(Optional::stream)
                    .toList();
            return new CheckResult(health, summary, metrics);
        } catch (PerfdataException e) {
            return CheckResult.of(health, summary + " (perfdata ignored: " + e.getMessage() + ")");
        }
    }

    /** {@code text} in single quotes for a POSIX shell: nothing in it is expanded. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The first non-blank line of {@code text}, stripped, or empty. */
    static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
