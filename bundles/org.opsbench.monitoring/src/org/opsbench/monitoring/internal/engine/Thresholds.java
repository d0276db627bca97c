package org.opsbench.monitoring.internal.engine;

import java.util.Locale;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.Range;

/** Applies a check's {@link CheckDefinition.Thresholds} to a result's metric. */
final class Thresholds {

    private Thresholds() {
    }

    static CheckResult apply(CheckDefinition.Thresholds limits, CheckResult result) {
        if (limits == null) {
            return result;
        }
        Metric metric = result.metrics().stream().filter(m -> m.name().equals(limits.metric())).findFirst()
                .orElse(null);
        if (metric == null) {
            return result;
        }
        Health judged = Health.OK;
        String which = null;
        if (limits.critical() != null && !limits.critical().isBlank()
                && Range.parse(limits.critical()).alerts(metric.value())) {
            judged = Health.CRITICAL;
            which = "critical " + limits.critical();
        } else if (limits.warning() != null && !limits.warning().isBlank()
                && Range.parse(limits.warning()).alerts(metric.value())) {
            judged = Health.WARNING;
            which = "warning " + limits.warning();
        }
        if (rank(judged) <= rank(result.health())) {
            return result;
        }
        String note = String.format(Locale.ROOT, " [%s=%s%s outside %s]", metric.name(), format(metric.value()),
                metric.unit() == null ? "" : metric.unit(), which);
        return new CheckResult(judged, result.summary() + note, result.metrics());
    }

    /** OK < WARNING < UNKNOWN < CRITICAL. */
    static int rank(Health h) {
        return switch (h) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
