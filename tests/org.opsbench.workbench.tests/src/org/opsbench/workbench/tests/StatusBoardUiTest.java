package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsbench.workbench.tests.MonitoringFixture.OPS;
import static org.opsbench.workbench.tests.MonitoringFixture.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.ui.internal.BoardState;
import org.opsbench.monitoring.ui.internal.MonitoringViews;
import org.opsbench.monitoring.ui.internal.StateColors;
import org.opsbench.monitoring.ui.internal.StatusBoardPart;

/**
 * The status board on the real monitoring services: TCP checks against a loopback port that accepts and one that
 * refuses, run through {@code Monitoring.runNow}; states, colours, SOFT/HARD, header counts, filters, sorting, a
 * refresh caused by a state change event, and the bulk and acknowledge actions.
 */
class StatusBoardUiTest {

    @Test
    void boardShowsStatesColoursCountsFiltersSortsAndActs() throws Exception {
        try (MonitoringFixture f = MonitoringFixture.start()) {
            String web = "ui-web-" + f.run;
            String db = "ui-db-" + f.run;
            f.admin().saveHost(OPS, f.host(web));
            f.admin().saveHost(OPS, f.host(db));
            f.admin().saveCheck(OPS, f.tcp(web, "http", f.open.getLocalPort(), 3));
            f.admin().saveCheck(OPS, f.tcp(web, "mysql", f.closedPort, 1));
            f.admin().saveCheck(OPS, f.tcp(web, "cache", f.closedPort, 3));
            f.admin().saveCheck(OPS, f.tcp(db, "ssh", f.open.getLocalPort(), 3));
            for (CheckKey k : List.of(CheckKey.host(web), CheckKey.host(db), new CheckKey(web, "http"),
                    new CheckKey(web, "mysql"), new CheckKey(web, "cache"), new CheckKey(db, "ssh"))) {
                f.monitoring().runNow(OPS, k, WAIT);
            }

            RunningWorkbench.run(s -> {
                MPart part = Ui.show(s, MonitoringViews.BOARD);
                StatusBoardPart board = (StatusBoardPart) part.getObject();
                Control root = (Control) part.getWidget();
                Table table = Ui.find(root, "board.table");
                Ui.type(root, "board.filter", f.run);
                Label message = Ui.find(root, "board.message");
                try {
                    s.waitUntil("the six rows of this run", 20_000, () -> table.getItemCount() == 6);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; the board says '" + message.getText() + "' and shows "
                            + Ui.rows(table), e);
                }

                Map<String, TableItem> rows = Ui.byKey(table, 1, 2);
                assertEquals("UP", rows.get(web + "/(host)").getText(0));
                assertEquals("OK", rows.get(web + "/http").getText(0));
                assertEquals("CRITICAL", rows.get(web + "/mysql").getText(0));
                assertEquals("HARD", rows.get(web + "/mysql").getText(3));
                assertEquals("CRITICAL", rows.get(web + "/cache").getText(0));
                assertEquals("SOFT 1/3", rows.get(web + "/cache").getText(3));
                assertEquals("OK", rows.get(db + "/ssh").getText(0));
                assertTrue(rows.get(web + "/mysql").getText(7).startsWith("TCP CRITICAL - connection refused"),
                        rows.get(web + "/mysql").getText(7));
                assertTrue(rows.get(web + "/http").getText(5).endsWith(" ago"), "last check, relative");
                assertEquals(StateColors.rgb(BoardState.CRITICAL, false),
                        rows.get(web + "/mysql").getBackground(0).getRGB(), "a HARD CRITICAL is red");
                assertEquals(StateColors.rgb(BoardState.CRITICAL, true),
                        rows.get(web + "/cache").getBackground(0).getRGB(), "a SOFT CRITICAL is pale red");
                assertEquals(StateColors.rgb(BoardState.OK, false), rows.get(web + "/http").getBackground(0).getRGB());
                assertEquals(StateColors.rgb(BoardState.UP, false),
                        rows.get(db + "/(host)").getBackground(0).getRGB());

                // worst first, HARD before SOFT, then by host and check
                assertEquals(List.of(web + "/mysql", web + "/cache", db + "/(host)", db + "/ssh", web + "/(host)",
                        web + "/http"), List.copyOf(Ui.byKey(table, 1, 2).keySet()));
                assertEquals("OK 2", this.<Button>get(root, "board.state.OK").getText());
                assertEquals("CRITICAL 2", this.<Button>get(root, "board.state.CRITICAL").getText());
                assertEquals("UP 2", this.<Button>get(root, "board.state.UP").getText());
                assertEquals("WARNING 0", this.<Button>get(root, "board.state.WARNING").getText());
                assertEquals("DOWN 0", this.<Button>get(root, "board.state.DOWN").getText());

                Ui.toggle(root, "board.state.OK", false);
                Ui.toggle(root, "board.state.UP", false);
                assertEquals(List.of(web + "/mysql", web + "/cache"), List.copyOf(Ui.byKey(table, 1, 2).keySet()),
                        "only the problems");
                assertEquals("OK 2", this.<Button>get(root, "board.state.OK").getText(), "counts stay");
                Ui.toggle(root, "board.state.OK", true);
                Ui.toggle(root, "board.state.UP", true);
                Ui.toggle(root, "board.unhandled", true);
                assertEquals(List.of(web + "/mysql"), List.copyOf(Ui.byKey(table, 1, 2).keySet()),
                        "a SOFT problem is not yet to be handled");
                Ui.toggle(root, "board.unhandled", false);

                Ui.choose(root, "board.host", web);
                assertEquals(4, table.getItemCount());
                assertEquals("OK 1", this.<Button>get(root, "board.state.OK").getText(), "counts follow the host");
                Ui.type(root, "board.filter", "mysql");
                s.flush();
                assertEquals(List.of(web + "/mysql"), List.copyOf(Ui.byKey(table, 1, 2).keySet()));
                Ui.choose(root, "board.host", "All hosts");
                Ui.type(root, "board.filter", f.run);
                s.flush();

                table.getColumn(1).notifyListeners(SWT.Selection, new Event());
                List<String> hosts = column(table, 1);
                assertEquals(List.of(db, db, web, web, web, web), hosts, "by host, ascending");
                table.getColumn(1).notifyListeners(SWT.Selection, new Event());
                assertEquals(List.of(web, web, web, web, db, db), column(table, 1), "again: descending");
                table.getColumn(0).notifyListeners(SWT.Selection, new Event());
                assertEquals("CRITICAL", table.getItem(0).getText(0), "back to worst first");

                // a state change posted by monitoring refreshes the board without being asked
                int before = board.eventRefreshes();
                try {
                    f.admin().saveCheck(OPS, f.tcp(web, "late", f.closedPort, 1));
                    f.monitoring().runNow(OPS, new CheckKey(web, "late"), WAIT);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                s.waitUntil("the new problem listed after its event", 20_000,
                        () -> Ui.byKey(table, 1, 2).containsKey(web + "/late") && board.eventRefreshes() > before);

                // bulk: run four checks now, as one job with progress
                select(table, web + "/http", web + "/mysql", web + "/cache", db + "/ssh");
                Ui.press(root, "board.run");
                s.waitUntil("the bulk run's outcome", 30_000, () -> message.getText().startsWith("Ran 4 checks"));
                assertEquals("Ran 4 checks: 2 OK, 2 CRITICAL", message.getText());
                s.waitUntil("the second attempt of cache", 20_000,
                        () -> "SOFT 2/3".equals(Ui.byKey(table, 1, 2).get(web + "/cache").getText(3)));

                // acknowledge with a comment, through the dialog
                select(table, web + "/mysql");
                Ui.answer(s.display(), "dialog.ack", d -> SecurityUiTest.set(d, "ack.comment", "failover tonight"));
                Ui.press(root, "board.ack");
                s.waitUntil("the acknowledgement mark", 20_000,
                        () -> Ui.byKey(table, 1, 2).get(web + "/mysql").getText(6).contains("ack"));
                assertEquals("failover tonight", f.monitoring().checks(OPS, web).stream()
                        .filter(c -> c.key().check().equals("mysql")).findFirst().orElseThrow().acknowledgement()
                        .comment());
                table.deselectAll();
                try {
                    s.screenshot(root.getShell(), "monitoring-status-board");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                select(table, web + "/mysql");
                Ui.press(root, "board.unack");
                s.waitUntil("the acknowledgement removed", 20_000,
                        () -> !Ui.byKey(table, 1, 2).get(web + "/mysql").getText(6).contains("ack"));
            });
        }
    }

    @Test
    void monitoringViewsAreContributedAndARefusedReadIsAMessage() throws Exception {
        RunningWorkbench.run(s -> {
            EModelService models = s.application().getContext().get(EModelService.class);
            MMenu menu = (MMenu) models.find("org.opsbench.monitoring.ui.menu", Ui.window(s).getMainMenu());
            List<String> entries = new ArrayList<>();
            for (MMenuElement e : menu.getChildren()) {
                entries.add(((MHandledMenuItem) e).getLabel().replace("&", ""));
            }
            assertEquals(List.of("Status Board", "Check Detail", "Alert Log", "Maintenance Calendar",
                    "Monitoring Configuration"), entries);

            // someone without monitoring:read sees why the board stays empty, and nothing breaks
            s.application().getContext().set(Principal.class, Principal.user("nobody-" + System.nanoTime(), "Nobody"));
            MPart part = Ui.show(s, MonitoringViews.BOARD);
            Control root = (Control) part.getWidget();
            Label message = Ui.find(root, "board.message");
            s.waitUntil("the refusal", 20_000, () -> message.getText().contains("not allowed"));
            assertTrue(message.getText().contains("monitoring:read"), message.getText());
            assertEquals(0, this.<Table>get(root, "board.table").getItemCount());
        });
    }

    private <T extends org.eclipse.swt.widgets.Widget> T get(Control root, String id) {
        return Ui.find(root, id);
    }

    private static List<String> column(Table table, int column) {
        List<String> out = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            out.add(item.getText(column));
        }
        return out;
    }

    /** Selects the rows named {@code host/check} as a click (with Ctrl) would, and tells the viewer. */
    static void select(Table table, String... keys) {
        List<String> wanted = List.of(keys);
        List<Integer> indices = new ArrayList<>();
        TableItem[] items = table.getItems();
        for (int i = 0; i < items.length; i++) {
            if (wanted.contains(items[i].getText(1) + "/" + items[i].getText(2))) {
                indices.add(i);
            }
        }
        assertEquals(wanted.size(), indices.size(), "rows " + wanted);
        table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
        table.notifyListeners(SWT.Selection, new Event());
    }
}
