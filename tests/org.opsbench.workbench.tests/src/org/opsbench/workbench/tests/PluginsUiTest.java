package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.opsbench.extensions.Extensions;
import org.opsbench.workbench.WorkbenchIds;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Plug-ins view and views of a bundle installed while the workbench runs: a bundle with a model fragment dropped
 * into the extensions folder adds its view to the model (E4's model assembler) and shows in the Plug-ins view; deleted,
 * its view is gone from the model too (the workbench's extension add-on).
 */
class PluginsUiTest {

    private static final String PLUGINS_PART = "org.opsbench.extensions.ui.part.plugins";
    private static final String DYNAMIC_PART = "com.example.dynamicview.part";

    @Test
    void aDroppedInBundleAddsItsViewAndShowsInPluginsAndBothGoWhenItIsRemoved() throws Exception {
        Extensions extensions = service(Extensions.class);
        Files.createDirectories(extensions.folder());
        Path jar = extensions.folder().resolve("com.example.dynamicview_1.0.0.jar");
        Files.deleteIfExists(jar);
        RunningWorkbench.run(s -> {
            MApplication app = s.application();
            EModelService models = app.getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, app);
            MPart part = window.getContext().get(EPartService.class).showPart(PLUGINS_PART, PartState.ACTIVATE);
            assertNotNull(part.getWidget(), "the Plug-ins view is rendered");
            Control root = (Control) part.getWidget();
            s.waitUntil("the bundles in the Plug-ins view", 20_000, () -> rowOf(s, root,
                    "org.opsbench.extensions") != null);
            assertTrue(rowOf(s, root, "org.opsbench.extensions").getText(4).equals("ACTIVE"));

            try {
                writeBundle(jar);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            s.waitUntil("the dropped-in bundle's view in the model", 30_000, () -> app.getDescriptors().stream()
                    .anyMatch(d -> d.getElementId().equals(DYNAMIC_PART)));
            s.waitUntil("the dropped-in bundle ACTIVE in the Plug-ins view", 20_000, () -> {
                TableItem r = rowOf(s, root, "com.example.dynamicview");
                return r != null && r.getText(4).equals("ACTIVE");
            });
            TableItem row = rowOf(s, root, "com.example.dynamicview");
            assertTrue(row.getText(5).equals("extensions/com.example.dynamicview_1.0.0.jar"), row.getText(5));
            MPart navigator = (MPart) models.find(WorkbenchIds.PART_NAVIGATOR, app);
            s.waitUntil("the new view in the navigator", 20_000, () -> navigatorLists(s, navigator, "Dynamic View"));
            Table table = (Table) s.find(root, "plugins.table");
            table.setSelection(row);
            table.notifyListeners(SWT.Selection, new Event());
            try {
                Path shot = s.screenshot((Shell) window.getWidget(), "plugins-view");
                assertTrue(Files.size(shot) > 0);
                Files.delete(jar);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            s.waitUntil("the removed bundle's view gone from the model", 30_000, () -> app.getDescriptors().stream()
                    .noneMatch(d -> d.getElementId().equals(DYNAMIC_PART)));
            s.waitUntil("the removed bundle gone from the Plug-ins view", 20_000, () -> rowOf(s, root,
                    "com.example.dynamicview") == null);
            s.waitUntil("the removed view gone from the navigator", 20_000,
                    () -> !navigatorLists(s, navigator, "Dynamic View"));
        });
    }

    private static boolean navigatorLists(RunningWorkbench.Session s, MPart navigator, String view) {
        Table views = (Table) s.find((Control) navigator.getWidget(), "navigator.table");
        for (TableItem item : views.getItems()) {
            if (item.getText(0).equals(view)) {
                return true;
            }
        }
        return false;
    }

    private static TableItem rowOf(RunningWorkbench.Session s, Control root, String bundle) {
        Table table = (Table) s.find(root, "plugins.table");
        if (table == null) {
            return null;
        }
        for (TableItem item : table.getItems()) {
            if (item.getText(2).equals(bundle)) {
                return item;
            }
        }
        return null;
    }

    /** A bundle holding only a model fragment with one view, as a UI extension has. */
    private static void writeBundle(Path jar) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "com.example.dynamicview;singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Model-Fragment", "fragment.e4xmi");
        String fragment = """
                <?xml version="1.0" encoding="UTF-8"?>
                <fragment:ModelFragments xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:basic="http://www.eclipse.org/ui/2010/UIModel/application/descriptor/basic"
                    xmlns:fragment="http://www.eclipse.org/ui/2010/UIModel/fragment" xmi:id="_dyn">
                  <fragments xsi:type="fragment:StringModelFragment" xmi:id="_dynF" featurename="descriptors"
                      parentElementId="org.opsbench.workbench.application">
                    <elements xsi:type="basic:PartDescriptor" xmi:id="_dynD" elementId="com.example.dynamicview.part"
                        label="Dynamic View" category="org.opsbench.workbench.partstack.main"
                        contributionURI="bundleclass://com.example.dynamicview/com.example.dynamicview.Part">
                      <tags>View</tags>
                    </elements>
                  </fragments>
                </fragment:ModelFragments>
                """;
        Path temp = jar.resolveSibling(jar.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("fragment.e4xmi"));
            j.write(fragment.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        Files.move(temp, jar);
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(PluginsUiTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        if (s == null) {
            throw new AssertionError("no " + type.getName() + " service");
        }
        return s;
    }
}
