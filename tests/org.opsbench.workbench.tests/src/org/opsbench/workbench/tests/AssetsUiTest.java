package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.assets.ui.internal.AssetsViews;
import org.opsbench.assets.ui.internal.ExplorerPart;
import org.opsbench.assets.ui.internal.ImpactGraphPart;
import org.opsbench.core.Principal;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The CI explorer lists the items of a type (filtered, sorted), its editor shows the selected item's attributes and
 * history; the impact graph draws the item's neighbourhood and re-centres on a double-clicked item.
 */
class AssetsUiTest {

    private static final Principal OPS = Principal.system("workbench-tests");

    @Test
    void explorerListsAndEditsItemsAndTheGraphRecentresOnDoubleClick() throws Exception {
        ServiceTracker<Assets, Assets> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass())
                .getBundleContext(), Assets.class, null);
        tracker.open();
        Assets assets = tracker.waitForService(20_000);
        assertNotNull(assets, "the assets service");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        ConfigurationItem shop = assets.create(OPS, CiSpec.of("business-service", "shop-" + run)
                .withAttributes(Map.of("criticality", "high")));
        ConfigurationItem app = assets.create(OPS, CiSpec.of("application", "shop-app-" + run));
        ConfigurationItem db = assets.create(OPS, CiSpec.of("database", "shop-db-" + run)
                .withAttributes(Map.of("engine", "postgresql", "version", "16")));
        ConfigurationItem[] servers = new ConfigurationItem[3];
        for (int i = 0; i < 3; i++) {
            servers[i] = assets.create(OPS, new CiSpec("server", "web-0" + (i + 1) + "-" + run, LifecycleState.DEPLOYED,
                    Map.of("environment", "production", "warranty.end", LocalDate.now().plusDays(20 + i).toString()),
                    Set.of("linux"), Set.of("web")));
            assets.relate(OPS, app.id(), RelationshipKind.RUNS_ON, servers[i].id());
        }
        ConfigurationItem dc = assets.create(OPS, CiSpec.of("location", "dc-" + run));
        assets.create(OPS, CiSpec.of("license", "nginx-plus-" + run).withAttributes(Map.of("product", "nginx-" + run,
                "entitlements", "5", "expires", LocalDate.now().plusDays(60).toString())));
        assets.relate(OPS, shop.id(), RelationshipKind.DEPENDS_ON, app.id());
        assets.relate(OPS, app.id(), RelationshipKind.DEPENDS_ON, db.id());
        assets.relate(OPS, db.id(), RelationshipKind.RUNS_ON, servers[0].id());
        for (ConfigurationItem s : servers) {
            assets.relate(OPS, s.id(), RelationshipKind.HOSTED_IN, dc.id());
        }
        assets.update(OPS, servers[1].id(), CiSpec.of(servers[1]).withAttributes(Map.of("environment", "staging",
                "owner", "web team", "warranty.end", LocalDate.now().plusDays(21).toString())));

        RunningWorkbench.run(s -> {
            MPart part = Ui.show(s, AssetsViews.EXPLORER);
            Control root = (Control) part.getWidget();
            ExplorerPart explorer = (ExplorerPart) part.getObject();
            explorer.selectType("server");
            Table table = Ui.find(root, "assets.table");
            Ui.type(root, "assets.filter", run);
            s.waitUntil("the servers listed", 20_000, () -> table.getItemCount() == 3);
            assertEquals("web-01-" + run, table.getItem(0).getText(0));
            assertEquals("deployed", table.getItem(0).getText(2));
            explorer.table().viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                    explorer.table().viewer().getElementAt(1)));
            s.waitUntil("the editor shows web-02", 20_000, () -> explorer.editor().item() != null
                    && explorer.editor().item().id().equals(servers[1].id())
                    && explorer.editor().history().viewer().getTable().getItemCount() >= 2);
            org.eclipse.swt.widgets.Text owner = Ui.find(root, "assets.editor.attr.owner");
            assertEquals("web team", owner.getText());
            try {
                s.screenshot(root.getShell(), "assets-explorer");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            explorer.editor().tabs().setSelection(3);
            try {
                s.screenshot(root.getShell(), "assets-history");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            MPart graphPart = Ui.show(s, AssetsViews.GRAPH);
            ImpactGraphPart graph = (ImpactGraphPart) graphPart.getObject();
            graph.load(app.ref());
            s.waitUntil("the graph of the app", 20_000, () -> graph.impact() != null
                    && graph.impact().root().id().equals(app.id()) && graph.positionOf(db.id()) != null);
            assertEquals(6, graph.impact().nodes().size(), graph.impact().nodes().toString());
            graph.canvas().redraw();
            graph.canvas().update();
            try {
                s.screenshot(graph.canvas().getShell(), "assets-graph");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Point at = graph.positionOf(servers[0].id());
            Event click = new Event();
            click.x = at.x;
            click.y = at.y;
            click.button = 1;
            graph.canvas().notifyListeners(SWT.MouseDoubleClick, click);
            s.waitUntil("re-centred on web-01", 20_000, () -> graph.impact().root().id().equals(servers[0].id()));
            assertTrue(graph.positionOf(dc.id()) != null && graph.positionOf(app.id()) != null);
            graph.canvas().redraw();
            graph.canvas().update();
            try {
                s.screenshot(graph.canvas().getShell(), "assets-graph-recentred");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            MPart licenses = Ui.show(s, AssetsViews.LICENSES);
            Table expiring = Ui.find((Control) licenses.getWidget(), "expiring.table");
            org.eclipse.swt.widgets.Label said = Ui.find((Control) licenses.getWidget(), "licenses.message");
            try {
                s.waitUntil("warranties and the license listed", 20_000, () -> expiring.getItemCount() >= 4);
                s.screenshot(expiring.getShell(), "assets-licenses");
            } catch (Exception e) {
                throw new AssertionError(e);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the view says: " + said.getText(), e);
            }
        });
        tracker.close();
    }
}
