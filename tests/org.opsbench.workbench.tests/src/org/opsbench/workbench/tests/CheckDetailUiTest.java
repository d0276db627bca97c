package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsbench.workbench.tests.MonitoringFixture.OPS;
import static org.opsbench.workbench.tests.MonitoringFixture.WAIT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.metrics.SeriesKey;
import org.opsbench.monitoring.ui.internal.CheckDetailPart;
import org.opsbench.monitoring.ui.internal.MonitoringViews;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/**
 * The detail view opened from the status board: status, the metric chart at the resolution the store picks (raw for 6
 * h, 5-minute rollups with their band for 24 h), threshold lines, zoom by dragging and reset, and the state history.
 */
class CheckDetailUiTest {

    @Test
    void detailChartsTheMetricAtTheStoresResolutionWithThresholdsAndZoom() throws Exception {
        try (MonitoringFixture f = MonitoringFixture.start()) {
            String host = "ui-chart-" + f.run;
            CheckKey api = new CheckKey(host, "api");
            f.admin().saveHost(OPS, f.host(host));
            f.admin().saveCheck(OPS, f.tcp(host, "api", f.open.getLocalPort(), 3)
                    .withThresholds(new CheckDefinition.Thresholds("time", "5", "10")));
            // a day of connect times, one a minute, as the check running every minute would have recorded
            SeriesKey series = f.metrics().series(api.seriesName("time"), "ms");
            long end = Instant.now().minusSeconds(300).toEpochMilli() / 60_000 * 60_000;
            int samples = 0;
            java.util.Random jitter = new java.util.Random(42);
            for (long t = end - Duration.ofDays(1).toMillis(); t < end; t += 60_000) {
                f.metrics().append(series.id(), t,
                        2.5 + 1.5 * Math.sin(t / 2_700_000.0) + 0.6 * (jitter.nextDouble() - 0.5));
                samples++;
            }
            assertEquals(1440, samples);
            for (int i = 0; i < 3; i++) {
                f.monitoring().runNow(OPS, api, WAIT);
            }
            // the first state as stored (OK, or WARNING when a loaded machine took over 5 ms to connect)
            List<StateHistoryEntry> stored = f.monitoring().history(OPS, api, Instant.EPOCH,
                    Instant.now().plusSeconds(60), 100);
            String first = stored.get(stored.size() - 1).newState();
            assertTrue(first.equals("OK") || first.equals("WARNING"), "the first result: " + stored);

            RunningWorkbench.run(s -> {
                // room for the chart, as an operator gives it: the bottom stack (log, progress) put away
                EModelService models = s.application().getContext().get(EModelService.class);
                models.find(WorkbenchIds.PARTSTACK_BOTTOM, s.application()).setToBeRendered(false);
                MPart boardPart = Ui.show(s, MonitoringViews.BOARD);
                Control board = (Control) boardPart.getWidget();
                Table table = Ui.find(board, "board.table");
                Ui.type(board, "board.filter", f.run);
                s.waitUntil("the check on the board", 20_000, () -> Ui.byKey(table, 1, 2).containsKey(host + "/api"));
                StatusBoardUiTest.select(table, host + "/api");
                Ui.press(board, "board.details");

                MPart part = Ui.window(s).getContext().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class)
                        .findPart(MonitoringViews.DETAIL);
                CheckDetailPart detail = (CheckDetailPart) part.getObject();
                Control root = (Control) part.getWidget();
                assertEquals(api, detail.key());
                TimeSeriesChart chart = detail.chart();
                Canvas canvas = chart.canvas();
                Label title = Ui.find(root, "detail.title");
                s.waitUntil("the status", 20_000, () -> title.getText().equals(host + "/api"));
                Label output = Ui.find(root, "detail.output");
                s.waitUntil("the output", 20_000, () -> output.getText().startsWith("TCP OK"));
                assertEquals("HARD", this.<Label>get(root, "detail.fact.attempt").getText());

                // 6 hours (the default): raw samples, the thresholds on the scale
                s.waitUntil("the 6 h chart drawn", 20_000, () -> {
                    canvas.redraw();
                    canvas.update();
                    return detail.fetches() >= 1 && chart.drawnPoints() > 0;
                });
                assertEquals(Duration.ofHours(6), chart.preset());
                int sixHours = chart.drawnPoints();
                assertTrue(sixHours >= 350 && sixHours <= 365, "about 360 raw samples and 3 runs: " + sixHours);
                assertEquals(0, chart.drawnBands(), "raw samples have no band");
                assertEquals(2, chart.drawnThresholds(), "warning 5 and critical 10 drawn");
                assertTrue(chart.timeLabels().length >= 3, "time ticks: " + String.join(" ", chart.timeLabels()));
                assertTrue(chart.valueTicks().length >= 3, "value ticks");

                // 24 hours: more samples than pixels, so 5-minute rollups with their min-max band
                long fetched = detail.fetches();
                Ui.press(root, "detail.chart.preset.24h");
                s.waitUntil("the 24 h chart drawn", 20_000, () -> {
                    canvas.redraw();
                    canvas.update();
                    return detail.fetches() > fetched && chart.drawnBands() > 0;
                });
                int day = chart.drawnPoints();
                assertTrue(day >= 286 && day <= 290, "one point per 5 minutes: " + day);
                try {
                    s.screenshot(root.getShell(), "monitoring-detail-24h");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }

                // drag over the middle fifth: zoomed to that range, raw again
                int width = canvas.getClientArea().width;
                int y = canvas.getClientArea().height / 2;
                long zoomFetch = detail.fetches();
                mouse(canvas, SWT.MouseDown, width * 2 / 5, y);
                mouse(canvas, SWT.MouseMove, width * 3 / 5, y);
                mouse(canvas, SWT.MouseUp, width * 3 / 5, y);
                assertTrue(chart.zoomed(), "dragging zooms");
                long span = chart.to() - chart.from();
                assertTrue(span > Duration.ofHours(3).toMillis() && span < Duration.ofHours(6).toMillis(),
                        "about a fifth of the day: " + span);
                s.waitUntil("the zoomed chart drawn", 20_000, () -> {
                    canvas.redraw();
                    canvas.update();
                    return detail.fetches() > zoomFetch && chart.drawnBands() == 0 && chart.drawnPoints() > 0;
                });
                Ui.press(root, "detail.chart.reset");
                assertFalse(chart.zoomed());
                assertEquals(Duration.ofDays(1).toMillis(), chart.to() - chart.from());

                Table history = Ui.find(root, "detail.history.table");
                s.waitUntil("the state history", 20_000, () -> history.getItemCount() >= 1);
                assertEquals(first, history.getItem(history.getItemCount() - 1).getText(2), "the first result");
                Ui.press(root, "detail.chart.preset.6h");
                long last = detail.fetches();
                s.waitUntil("the 6 h chart again", 20_000, () -> {
                    canvas.redraw();
                    canvas.update();
                    // raw samples again (until they arrive, the day's rollups are drawn on the new range)
                    return detail.fetches() > last && chart.drawnPoints() > 0 && chart.drawnBands() == 0;
                });
                // the readout under the mouse
                Event move = new Event();
                move.x = canvas.getClientArea().width * 2 / 3;
                move.y = canvas.getClientArea().height / 2;
                canvas.notifyListeners(SWT.MouseMove, move);
                try {
                    s.screenshot(root.getShell(), "monitoring-detail");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    private <T extends org.eclipse.swt.widgets.Widget> T get(Control root, String id) {
        return Ui.find(root, id);
    }

    private static void mouse(Canvas canvas, int type, int x, int y) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = 1;
        canvas.notifyListeners(type, e);
    }
}
