package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsbench.workbench.tests.MonitoringFixture.OPS;
import static org.opsbench.workbench.tests.MonitoringFixture.WAIT;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.ui.internal.BoardState;
import org.opsbench.monitoring.ui.internal.MaintenancePart;
import org.opsbench.monitoring.ui.internal.MonitoringViews;
import org.opsbench.monitoring.ui.internal.StateColors;

/**
 * The alert log shows a notification the log notifier really sent, filtered by outcome; the maintenance calendar
 * schedules a downtime through its dialog, draws it on the timeline and ends it.
 */
class AlertsAndMaintenanceUiTest {

    @Test
    void alertLogListsTheSentAlertAndTheCalendarSchedulesAndCancelsADowntime() throws Exception {
        try (MonitoringFixture f = MonitoringFixture.start()) {
            String host = "ui-al-" + f.run;
            f.admin().saveHost(OPS, f.host(host));
            f.admin().saveRule(OPS, NotificationRule.of("ui-al-" + f.run, Set.of("CRITICAL"), host, "*", "log",
                    Map.of()));
            f.admin().saveCheck(OPS, f.tcp(host, "smtp", f.closedPort, 1));
            f.monitoring().runNow(OPS, new CheckKey(host, "smtp"), WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (f.monitoring().alerts(OPS, Instant.now().minusSeconds(600), Instant.now().plusSeconds(1), 100)
                    .stream().noneMatch(a -> a.key().host().equals(host) && a.outcome() == AlertRecord.Outcome.SENT)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the log notifier did not send the alert");
                }
                Thread.sleep(50);
            }

            RunningWorkbench.run(s -> {
                MPart alerts = Ui.show(s, MonitoringViews.ALERTS);
                Control root = (Control) alerts.getWidget();
                Table table = Ui.find(root, "alerts.table");
                Ui.type(root, "alerts.filter", host);
                s.waitUntil("the alert listed", 20_000, () -> table.getItemCount() == 1);
                TableItem row = table.getItem(0);
                assertEquals(host + "/smtp", row.getText(1));
                assertEquals("CRITICAL", row.getText(2));
                assertEquals("PROBLEM", row.getText(3));
                assertEquals("ui-al-" + f.run, row.getText(4));
                assertEquals("log", row.getText(5));
                assertEquals("SENT", row.getText(6));
                assertEquals(StateColors.rgb(BoardState.CRITICAL, false), row.getBackground(2).getRGB());
                Ui.choose(root, "alerts.outcome", "FAILED");
                assertEquals(0, table.getItemCount(), "nothing failed");
                Ui.choose(root, "alerts.outcome", "SENT");
                assertEquals(1, table.getItemCount());
                try {
                    s.screenshot(root.getShell(), "monitoring-alert-log");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }

                MPart calendar = Ui.show(s, MonitoringViews.MAINTENANCE);
                Control cal = (Control) calendar.getWidget();
                Table windows = Ui.find(cal, "maintenance.table");
                Ui.type(cal, "maintenance.filter", host);
                Ui.answer(s.display(), "dialog.downtime", d -> {
                    SecurityUiTest.set(d, "downtime.target", host);
                    SecurityUiTest.set(d, "downtime.comment", "kernel update");
                });
                Ui.press(cal, "maintenance.schedule");
                s.waitUntil("the downtime listed", 20_000, () -> windows.getItemCount() == 1);
                TableItem w = windows.getItem(0);
                assertEquals(host, w.getText(1));
                assertEquals("2h", w.getText(4));
                assertEquals("running", w.getText(5));
                assertEquals("kernel update", w.getText(7));
                var timeline = (org.eclipse.swt.widgets.Canvas) Ui.find(cal, "maintenance.timeline");
                s.waitUntil("the bar drawn", 20_000, () -> {
                    timeline.redraw();
                    timeline.update();
                    return ((MaintenancePart) calendar.getObject()).drawnBars() >= 1;
                });
                assertTrue(f.monitoring().checks(OPS, host).get(0).inDowntime(), "the check is in downtime now");
                // the day view draws the two hours wide enough to read
                Ui.toggle(cal, "maintenance.week", false);
                Ui.toggle(cal, "maintenance.day", true);
                Label range = Ui.find(cal, "maintenance.range");
                // ended windows of earlier runs stay on record: count at least this one
                s.waitUntil("the day read", 20_000, () -> range.getText().matches(".*\\b[1-9]\\d* windows?$")
                        && !range.getText().contains("–"));
                s.waitUntil("the bar drawn in the day", 20_000, () -> {
                    timeline.redraw();
                    timeline.update();
                    return ((MaintenancePart) calendar.getObject()).drawnBars() >= 1;
                });
                try {
                    s.screenshot(cal.getShell(), "monitoring-maintenance");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }

                windows.setSelection(0);
                Ui.confirm(s.display(), "Cancel maintenance windows");
                Ui.press(cal, "maintenance.cancel");
                Label message = Ui.find(cal, "maintenance.message");
                // a window under way ends now and stays on the calendar as past
                s.waitUntil("the downtime ended", 20_000,
                        () -> windows.getItemCount() == 1 && windows.getItem(0).getText(5).equals("past"));
                try {
                    s.waitUntil("the cancellation reported", 20_000,
                            () -> message.getText().equals("Cancelled 1 maintenance window"));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; the view says: " + message.getText(), e);
                }
                assertTrue(!f.monitoring().checks(OPS, host).get(0).inDowntime());
            });
        }
    }
}
