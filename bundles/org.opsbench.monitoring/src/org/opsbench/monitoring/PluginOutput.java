package org.opsbench.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of a Nagios plugin, split per the plugin API: the first line is the summary, optionally followed by
 * {@code |} and perfdata; further lines are long text, and the first of them holding a {@code |} starts more perfdata
 * that runs to the end of the output.
 *
 * @param summary
 *            the first line without its perfdata, stripped
 * @param longText
 *            the long text lines
 * @param perfdata
 *            the raw perfdata of all lines, joined by spaces
 */
public record PluginOutput(String summary, List<String> longText, String perfdata) {

    /** Copies the lines. */
    public PluginOutput {
        longText = List.copyOf(longText);
    }

    /** Splits plugin output (never fails: perfdata is parsed later by {@link #metrics()}). */
    public static PluginOutput parse(String output) {
        List<String> lines = output.lines().toList();
        if (lines.isEmpty()) {
            return new PluginOutput("", List.of(), "");
        }
        StringBuilder perf = new StringBuilder();
        String first = lines.get(0);
        int bar = first.indexOf('|');
        String summary = bar < 0 ? first : first.substring(0, bar);
        if (bar >= 0) {
            perf.append(first.substring(bar + 1).strip());
        }
        List<String> longText = new ArrayList<>();
        boolean inPerfdata = false;
        for (String line : lines.subList(1, lines.size())) {
            if (inPerfdata) {
                append(perf, line);
                continue;
            }
            int at = line.indexOf('|');
            if (at < 0) {
                longText.add(line);
            } else {
                if (at > 0) {
                    longText.add(line.substring(0, at).stripTrailing());
                }
                append(perf, line.substring(at + 1));
                inPerfdata = true;
            }
        }
        return new PluginOutput(summary.strip(), longText, perf.toString());
    }

    /**
     * The perfdata items.
     *
     * @throws PerfdataException
     *             when the perfdata breaks the format
     */
    public List<PerfValue> metrics() {
        return Perfdata.parse(perfdata);
    }

    private static void append(StringBuilder perf, String part) {
        String stripped = part.strip();
        if (stripped.isEmpty()) {
            return;
        }
        if (!perf.isEmpty()) {
            perf.append(' ');
        }
        perf.append(stripped);
    }
}
