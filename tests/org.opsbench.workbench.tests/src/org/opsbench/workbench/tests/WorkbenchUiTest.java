package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.workbench.WorkbenchIds;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The rich client as an operator sees it, under Xvfb: real SWT, the real application model, real CSS. */
class WorkbenchUiTest {

    @Test
    void workbenchOpensWithMenusStacksDashboardAndNavigator() throws Exception {
        RunningWorkbench.run(s -> {
            MApplication app = s.application();
            EModelService models = app.getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, app);
            Shell shell = (Shell) window.getWidget();
            assertTrue(shell.isVisible(), "main window visible");

            List<String> menus = new ArrayList<>();
            for (MMenuElement m : window.getMainMenu().getChildren()) {
                menus.add(m.getLabel().replace("&", ""));
            }
            assertEquals(List.of("File", "Edit", "Window", "Help"), menus);
            for (String id : List.of(WorkbenchIds.PARTSTACK_NAVIGATION, WorkbenchIds.PARTSTACK_MAIN,
                    WorkbenchIds.PARTSTACK_BOTTOM, WorkbenchIds.TOOLBAR_MAIN, WorkbenchIds.TRIMBAR_BOTTOM)) {
                assertNotNull(models.find(id, app), "model element " + id);
            }

            MPart dashboard = (MPart) models.find(WorkbenchIds.PART_DASHBOARD, app);
            Label header = (Label) s.find((Control) dashboard.getWidget(), "dashboard.header");
            // the areas of the test runtime (monitoring) register tiles as their services come up
            s.waitUntil("the header counts the installed tiles", 20_000,
                    () -> header.getText().startsWith(tileHeader(tileServices())));

            MPart navigator = (MPart) models.find(WorkbenchIds.PART_NAVIGATOR, app);
            Table views = (Table) s.find((Control) navigator.getWidget(), "navigator.table");
            List<String> names = new ArrayList<>();
            for (TableItem item : views.getItems()) {
                names.add(item.getText(0));
            }
            assertTrue(names.containsAll(List.of("Dashboard", "Log", "Progress", "Navigator")), names.toString());

            Label status = (Label) s.find(shell, "statusline.text");
            assertEquals("Ready", status.getText());
            // alone on the embedded workspace database: the status line says so (a team database shows its URL)
            Label database = (Label) s.find(shell, "statusline.database");
            assertEquals("Database: embedded", database.getText());
            try {
                Path shot = s.screenshot(shell, "workbench-light");
                assertTrue(Files.size(shot) > 10_000, "screenshot has content: " + shot);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void dashboardDrawsEveryTileServiceWithItsFigure() throws Exception {
        DashboardTile tile = new DashboardTile() {
            @Override
            public String id() {
                return "test.failing";
            }

            @Override
            public String title() {
                return "Failing checks";
            }

            @Override
            public Value current() {
                return new Value("42", "checks", Health.CRITICAL, Trend.UP);
            }
        };
        ServiceRegistration<DashboardTile> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(DashboardTile.class, tile, null);
        try {
            RunningWorkbench.run(s -> {
                EModelService models = s.application().getContext().get(EModelService.class);
                MPart dashboard = (MPart) models.find(WorkbenchIds.PART_DASHBOARD, s.application());
                Control root = (Control) dashboard.getWidget();
                s.waitUntil("the tile figure", 20_000, () -> {
                    Label value = (Label) s.find(root, "dashboard.tile.test.failing.value");
                    return value != null && "42".equals(value.getText());
                });
                Label detail = (Label) s.find(root, "dashboard.tile.test.failing.detail");
                assertEquals("checks  ·  critical  ·  ▲ rising", detail.getText());
                assertEquals("42 checks (critical, ▲ rising)", detail.getToolTipText());
                Label header = (Label) s.find(root, "dashboard.header");
                s.waitUntil("the header counts the installed tiles and the test's", 20_000,
                        () -> header.getText().startsWith(tileHeader(tileServices())));
                assertTrue(tileServices() >= 1, "the test's tile is registered");
                try {
                    s.screenshot(root.getShell(), "workbench-dashboard-tile");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            registration.unregister();
        }
    }

    @Test
    void darkThemeFromTheWindowMenuRestylesTheWorkbench() throws Exception {
        RunningWorkbench.run(s -> {
            MApplication app = s.application();
            EModelService models = app.getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, app);
            MPart navigator = (MPart) models.find(WorkbenchIds.PART_NAVIGATOR, app);
            Table views = (Table) s.find((Control) navigator.getWidget(), "navigator.table");
            RGB light = views.getBackground().getRGB();
            assertEquals(new RGB(0xff, 0xff, 0xff), light, "light theme table background");

            ECommandService commands = window.getContext().get(ECommandService.class);
            EHandlerService handlers = window.getContext().get(EHandlerService.class);
            ParameterizedCommand dark = commands.createCommand(WorkbenchIds.COMMAND_THEME,
                    Map.of(WorkbenchIds.COMMAND_THEME_ID, WorkbenchIds.THEME_DARK));
            handlers.executeHandler(dark);
            s.flush();

            IThemeEngine themes = app.getContext().get(IThemeEngine.class);
            assertEquals(WorkbenchIds.THEME_DARK, themes.getActiveTheme().getId());
            RGB after = views.getBackground().getRGB();
            assertNotEquals(light, after);
            assertEquals(new RGB(0x27, 0x2b, 0x31), after, "dark theme table background");
            MHandledMenuItem darkItem = (MHandledMenuItem) models.find("org.opsbench.workbench.menuitem.theme.dark",
                    window.getMainMenu());
            assertTrue(darkItem.isSelected(), "Window > Theme > Dark is checked");
            try {
                s.screenshot((Shell) window.getWidget(), "workbench-dark");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // leave the light theme as the remembered choice for the next test
            themes.setTheme(WorkbenchIds.THEME_LIGHT, false);
        });
    }

    private static String tileHeader(int tiles) {
        return tiles == 0 ? "No dashboard tiles yet" : tiles + (tiles == 1 ? " key figure," : " key figures,");
    }

    /** How many dashboard tiles the installed areas register (the header counts them all). */
    private static int tileServices() {
        try {
            var refs = FrameworkUtil.getBundle(WorkbenchUiTest.class).getBundleContext()
                    .getServiceReferences(DashboardTile.class, null);
            return refs.size();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
