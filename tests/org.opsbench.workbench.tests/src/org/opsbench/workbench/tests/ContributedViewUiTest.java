package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.workbench.WorkbenchIds;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The fragment mechanism, end to end: org.opsbench.ssh.ui adds its view and a Window menu entry through fragment.e4xmi,
 * and the view shows the host keys the real RemoteShell trusts.
 */
class ContributedViewUiTest {

    private static final String KNOWN_HOSTS_PART = "org.opsbench.ssh.ui.part.knownhosts";

    @TempDir
    Path temp;

    @Test
    void sshKnownHostsViewIsContributedByItsFragmentAndListsTrustedKeys() throws Exception {
        String fingerprint = trustOneGeneratedKey();

        RunningWorkbench.run(s -> {
            MApplication app = s.application();
            EModelService models = app.getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, app);

            MPart navigator = (MPart) models.find(WorkbenchIds.PART_NAVIGATOR, app);
            Table views = (Table) s.find((Control) navigator.getWidget(), "navigator.table");
            List<String> names = new ArrayList<>();
            for (TableItem item : views.getItems()) {
                names.add(item.getText(0));
            }
            assertTrue(names.contains("SSH Known Hosts"), "navigator lists the contributed view: " + names);
            List<String> areas = new ArrayList<>();
            for (TableItem item : views.getItems()) {
                areas.add(item.getText(1));
                if (item.getText(0).equals("SSH Known Hosts")) {
                    assertEquals("SSH", item.getText(1), "area from the contributing bundle's name");
                }
                if (item.getText(0).equals("Dashboard")) {
                    assertEquals("Workbench", item.getText(1), "the shell's own views are the Workbench area");
                }
            }
            List<String> grouped = new ArrayList<>(areas);
            grouped.sort(java.text.Collator.getInstance());
            assertEquals(grouped, areas, "the navigator lists views grouped by area");

            MMenu windowMenu = (MMenu) models.find(WorkbenchIds.MENU_WINDOW, window.getMainMenu());
            List<String> entries = new ArrayList<>();
            for (MMenuElement e : windowMenu.getChildren()) {
                if (e instanceof MHandledMenuItem item) {
                    entries.add(item.getLabel().replace("&", ""));
                }
            }
            assertTrue(entries.contains("SSH Known Hosts"), "Window menu entry from the fragment: " + entries);

            MPart part = window.getContext().get(EPartService.class).showPart(KNOWN_HOSTS_PART, PartState.ACTIVATE);
            assertNotNull(part.getWidget(), "the contributed view is rendered");
            Control root = (Control) part.getWidget();
            s.waitUntil("the trusted key in the list", 20_000, () -> {
                Table keys = (Table) s.find(root, "knownhosts.table");
                return keys != null && keys.getItemCount() == 1;
            });
            Table keys = (Table) s.find(root, "knownhosts.table");
            TableItem row = keys.getItem(0);
            assertEquals("127.0.0.1", row.getText(0));
            assertEquals("2222", row.getText(1));
            assertEquals("ssh-ed25519", row.getText(2));
            assertEquals(fingerprint, row.getText(3));

            Text filter = (Text) s.find(root, "knownhosts.filter");
            filter.setText("no-such-host");
            s.flush();
            assertEquals(0, keys.getItemCount(), "filter hides rows that do not match");
            filter.setText("127.0");
            s.flush();
            assertEquals(1, keys.getItemCount());
            try {
                s.screenshot(root.getShell(), "ssh-known-hosts");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Writes a known_hosts file with a freshly generated key and points the RemoteShell at it. */
    private String trustOneGeneratedKey() throws Exception {
        Path key = temp.resolve("host_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String publicKey = Files.readString(temp.resolve("host_key.pub")).trim();
        String[] parts = publicKey.split(" ");
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:2222 " + parts[0] + " " + parts[1] + "\n");
        String fingerprint = run("ssh-keygen", "-lf", temp.resolve("host_key.pub").toString()).split(" ")[1];

        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        cm.open();
        ConfigurationAdmin admin = cm.waitForService(10_000);
        assertNotNull(admin, "ConfigurationAdmin");
        Configuration config = admin.getConfiguration("org.opsbench.ssh", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("knownHostsFile", knownHosts.toString());
        config.update(properties);
        ServiceTracker<Object, Object> shell = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=org.opsbench.ssh.RemoteShell)(knownHostsFile=" + knownHosts + "))"), null);
        shell.open();
        assertNotNull(shell.waitForService(10_000), "RemoteShell using " + knownHosts);
        return fingerprint;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out.trim();
    }
}
