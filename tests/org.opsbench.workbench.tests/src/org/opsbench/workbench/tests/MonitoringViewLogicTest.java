package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.Acknowledgement;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.MetricHistory;
import org.opsbench.monitoring.StateType;
import org.opsbench.monitoring.metrics.MetricQueryResult;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.Sample;
import org.opsbench.monitoring.ui.internal.BoardRow;
import org.opsbench.monitoring.ui.internal.BoardState;
import org.opsbench.monitoring.ui.internal.Durations;
import org.opsbench.monitoring.ui.internal.MetricSeries;
import org.opsbench.monitoring.ui.internal.StateColors;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/** What the monitoring views compute without SWT: durations, board rows, chart series and threshold lines, colours. */
class MonitoringViewLogicTest {

    @Test
    void durationsAreReadInTheFormsOperatorsType() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h 30m"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("PT1M"));
        assertNull(Durations.parse("  "));
        IllegalArgumentException soon = assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertEquals("a duration like 30s, 5m, 1h30m or PT1M, was 'soon'", soon.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("m5"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT"));
    }

    @Test
    void durationsAreWrittenAsTheyAreRead() {
        for (Duration d : List.of(Duration.ofMinutes(90), Duration.ofSeconds(45), Duration.ofDays(1),
                Duration.ofMillis(1500), Duration.ofHours(26))) {
            assertEquals(d, Durations.parse(Durations.format(d)), Durations.format(d));
        }
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals("45s", Durations.since(now.minusSeconds(45), now));
        assertEquals("3h 12m", Durations.since(now.minus(Duration.ofMinutes(192)), now));
        assertEquals("2d 5h", Durations.since(now.minus(Duration.ofHours(53)), now));
        assertEquals("never", Durations.ago(null, now));
    }

    private static CheckStatus status(Health state, StateType type, int attempt, Acknowledgement ack,
            boolean downtime, boolean reachable) {
        Instant t = Instant.parse("2026-12-01T12:00:00Z");
        return new CheckStatus(new CheckKey("web-1", "http"), "tcp", state, type, attempt, 3,
                type == StateType.HARD ? state : Health.OK, "TCP CRITICAL - refused", List.of(), t, t, null, false, 0,
                reachable, ack, downtime, true);
    }

    @Test
    void boardRowsSaySoftOrHardAndWhetherAProblemIsHandled() {
        BoardRow soft = BoardRow.of(status(Health.CRITICAL, StateType.SOFT, 1, null, false, true));
        assertEquals(BoardState.CRITICAL, soft.state());
        assertEquals("SOFT 1/3", soft.attemptLabel());
        assertTrue(soft.soft());
        assertFalse(soft.unhandled(), "not confirmed yet");
        BoardRow hard = BoardRow.of(status(Health.CRITICAL, StateType.HARD, 1, null, false, true));
        assertEquals("HARD", hard.attemptLabel());
        assertTrue(hard.unhandled());
        assertEquals("", hard.flags());
        BoardRow acked = BoardRow.of(status(Health.CRITICAL, StateType.HARD, 1,
                new Acknowledgement("ops", "on it", Instant.now()), true, false));
        assertFalse(acked.unhandled());
        assertEquals("ack, downtime, host down", acked.flags());
        BoardRow pending = BoardRow.of(status(null, StateType.HARD, 1, null, false, true));
        assertEquals(BoardState.PENDING, pending.state());
        assertEquals("", pending.attemptLabel());
        assertFalse(pending.state().isProblem());
        assertTrue(BoardState.DOWN.severity() > BoardState.CRITICAL.severity());
        assertTrue(BoardState.UNKNOWN.severity() > BoardState.WARNING.severity());
    }

    @Test
    void softStatesArePaleAndTextReadsOnEveryColour() {
        RGB full = StateColors.rgb(BoardState.CRITICAL, false);
        RGB pale = StateColors.rgb(BoardState.CRITICAL, true);
        assertTrue(pale.red > full.red && pale.green > full.green && pale.blue > full.blue, "a tint is lighter");
        assertEquals(new RGB(0xff, 0xff, 0xff), StateColors.foreground(BoardState.CRITICAL, false).getRGB());
        assertEquals(new RGB(0x1f, 0x23, 0x28), StateColors.foreground(BoardState.WARNING, false).getRGB(),
                "dark text on yellow");
        assertEquals(StateColors.rgb(BoardState.OK, false), StateColors.rgb(BoardState.UP, false));
    }

    @Test
    void thresholdLinesComeFromTheNagiosRanges() {
        List<TimeSeriesChart.Threshold> lines = MetricSeries
                .thresholds(new CheckDefinition.Thresholds("time", "500", "1000"));
        assertEquals(List.of(new TimeSeriesChart.Threshold("warning above 500", 500,
                TimeSeriesChart.Threshold.Level.WARNING),
                new TimeSeriesChart.Threshold("critical above 1000", 1000, TimeSeriesChart.Threshold.Level.CRITICAL)),
                lines);
        assertEquals(List.of("warning below 10"), labels(new CheckDefinition.Thresholds("free", "10:", null)));
        assertEquals(List.of("critical from 10", "critical to 20"),
                labels(new CheckDefinition.Thresholds("x", null, "@10:20")));
        assertEquals(List.of("warning above 5"), labels(new CheckDefinition.Thresholds("x", "~:5", null)));
        assertEquals(List.of("warning below 2", "warning above 8"),
                labels(new CheckDefinition.Thresholds("x", "2:8", null)));
        assertTrue(MetricSeries.thresholds(null).isEmpty());
        assertTrue(labels(new CheckDefinition.Thresholds("x", "1,5", null)).isEmpty(), "unreadable: no line");
    }

    private static List<String> labels(CheckDefinition.Thresholds t) {
        return MetricSeries.thresholds(t).stream().map(TimeSeriesChart.Threshold::label).toList();
    }

    @Test
    void rawSamplesArePointsAndRollupsAreBandsAtTheirMiddle() {
        MetricHistory raw = new MetricHistory("time", "ms", new MetricQueryResult(Resolution.RAW,
                List.of(new Sample(1000, 0.5), new Sample(61_000, 0.7)), List.of()));
        MetricHistory rolled = new MetricHistory("load1", "", new MetricQueryResult(Resolution.FIVE_MINUTES,
                List.of(), List.of(new RollupPoint(300_000, 1, 3, 2, 5))));
        List<TimeSeriesChart.Series> series = MetricSeries.series(List.of(raw, rolled), null);
        assertEquals(2, series.size());
        assertEquals(TimeSeriesChart.Point.of(1000, 0.5), series.get(0).points().get(0));
        assertFalse(series.get(0).points().get(0).hasBand());
        TimeSeriesChart.Point p = series.get(1).points().get(0);
        assertEquals(300_000 + 150_000, p.time(), "the middle of the bucket");
        assertEquals(2, p.value());
        assertTrue(p.hasBand());
        assertEquals(1, p.min());
        assertEquals(3, p.max());
        assertEquals(1, MetricSeries.series(List.of(raw, rolled), "time").size());
        assertEquals("5-minute averages, min–max band, 3 points", MetricSeries.caption(List.of(raw, rolled), null));
        assertEquals("raw samples, 2 points", MetricSeries.caption(List.of(raw, rolled), "time"));
        assertEquals("", MetricSeries.caption(List.of(), null));
    }
}
