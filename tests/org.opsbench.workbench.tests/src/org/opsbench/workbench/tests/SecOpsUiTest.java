package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.security.ops.ui.internal.SecOpsViews;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The findings view lists real findings of the security operations service, filters them by severity, host and CVE
 * text, and accepts a risk through its dialog (reason and expiry); the compliance board lists the hosts.
 */
class SecOpsUiTest {

    private static final Principal OPS = Principal.system("workbench-tests");

    private static String osv(String id, String cve, String pkg, String fixed, String vector) {
        return "{\"id\":\"" + id + "\",\"aliases\":[\"" + cve + "\"],\"summary\":\"" + pkg + " flaw\","
                + "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"" + vector + "\"}],"
                + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"" + pkg + "\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"" + fixed
                + "\"}]}]}]}";
    }

    @Test
    void theFindingsViewFiltersBySeverityHostAndCveAndAcceptsARiskThroughItsDialog() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SecOpsUiTest.class).getBundleContext();
        ServiceTracker<SecurityOperations, SecurityOperations> tracker = new ServiceTracker<>(context,
                SecurityOperations.class, null);
        tracker.open();
        SecurityOperations ops = tracker.waitForService(30_000);
        assertNotNull(ops, "SecurityOperations");
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Path dir = Files.createTempDirectory("opsbench-ui-osv-");
        Files.writeString(dir.resolve("1.json"), osv("DSA-" + run + "-1", "CVE-2026-31337", "openssl-" + run,
                "3.0.15-1~deb12u1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        Files.writeString(dir.resolve("2.json"), osv("DSA-" + run + "-2", "CVE-2026-40001", "curl-" + run,
                "7.88.1-10+deb12u8", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
        Files.writeString(dir.resolve("3.json"), osv("DLA-" + run + "-3", "CVE-2026-40222", "libxml2-" + run,
                "2.9.14+dfsg-1.3~deb12u2", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N"));
        ops.importAdvisories(OPS, dir);
        String web = "web-01-" + run;
        String db = "db-01-" + run;
        ops.saveHost(OPS, new ManagedHost(web, "web-01.example.org", 22, "ops", "ssh/web-01", "", "linux-server"));
        ops.saveHost(OPS, new ManagedHost(db, "db-01.example.org", 22, "ops", "ssh/db-01", "", "linux-server"));
        ops.recordPackages(OPS, web, List.of(new InstalledPackage("Debian:12", "openssl-" + run, "3.0.11-1~deb12u2"),
                new InstalledPackage("Debian:12", "curl-" + run, "7.88.1-10+deb12u5"),
                new InstalledPackage("Debian:12", "libxml2-" + run, "2.9.14+dfsg-1.3~deb12u1")));
        ops.recordPackages(OPS, db, List.of(new InstalledPackage("Debian:12", "openssl-" + run, "3.0.11-1~deb12u2"),
                new InstalledPackage("Debian:12", "libxml2-" + run, "2.9.14+dfsg-1.3~deb12u4")));

        RunningWorkbench.run(s -> {
            MPart part = Ui.show(s, SecOpsViews.FINDINGS);
            Control root = (Control) part.getWidget();
            Table table = Ui.find(root, "secops.findings.table");
            Ui.type(root, "secops.findings.filter", run);
            s.waitUntil("the findings listed", 20_000, () -> table.getItemCount() == 4);
            assertEquals("CRITICAL", table.getItem(0).getText(0), "highest score first");
            assertEquals("9.8", table.getItem(0).getText(1));

            Combo severity = Ui.find(root, "secops.findings.severity");
            severity.select(3); // high
            severity.notifyListeners(SWT.Selection, new Event());
            s.waitUntil("high and critical only", 5_000, () -> table.getItemCount() == 3);
            Ui.type(root, "secops.findings.host", web);
            s.waitUntil("one host's", 5_000, () -> table.getItemCount() == 2);
            Ui.type(root, "secops.findings.filter", "CVE-2026-31337");
            s.waitUntil("one CVE", 5_000, () -> table.getItemCount() == 1);
            TableItem item = table.getItem(0);
            assertEquals(web, item.getText(2));
            assertEquals("3.0.15-1~deb12u1", item.getText(5));
            Ui.type(root, "secops.findings.filter", run);
            Ui.type(root, "secops.findings.host", "");
            severity.select(0);
            severity.notifyListeners(SWT.Selection, new Event());
            s.waitUntil("all again", 5_000, () -> table.getItemCount() == 4);

            TableItem openssl = java.util.Arrays.stream(table.getItems())
                    .filter(i -> i.getText(2).equals(db) && i.getText(6).equals("DSA-" + run + "-1")).findFirst()
                    .orElseThrow();
            table.setSelection(openssl);
            s.display().timerExec(300, new Runnable() {
                int tries;

                @Override
                public void run() {
                    Shell dialog = SecurityUiTest.shellNamed(s.display(), SecOpsViews.ACCEPT_DIALOG);
                    if (dialog == null) {
                        if (++tries < 100) {
                            s.display().timerExec(100, this);
                        }
                        return;
                    }
                    ((Text) RunningWorkbench.find(dialog, "secops.accept.reason"))
                            .setText("database host is not reachable from outside; upgrade in the next window");
                    try {
                        s.screenshot(dialog, "secops-accept-risk");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    SecurityUiTest.buttonLabelled(dialog, "Accept risk").notifyListeners(SWT.Selection, new Event());
                }
            });
            Ui.press(root, "secops.findings.accept");
            Label message = Ui.find(root, "secops.findings.message");
            s.waitUntil("the risk accepted", 20_000, () -> java.util.Arrays.stream(table.getItems())
                    .anyMatch(i -> i.getText(2).equals(db) && i.getText(8).equals("ACCEPTED")));
            try {
                s.screenshot(root.getShell(), "secops-findings");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertTrue(message.getText().contains("accepted"), message.getText());

            MPart board = Ui.show(s, SecOpsViews.BOARD);
            Control boardRoot = (Control) board.getWidget();
            Table hosts = Ui.find(boardRoot, "secops.board.table");
            Ui.type(boardRoot, "secops.board.filter", run);
            s.waitUntil("the hosts on the board", 20_000, () -> hosts.getItemCount() == 2);
            TableItem webRow = java.util.Arrays.stream(hosts.getItems()).filter(i -> i.getText(0).equals(web))
                    .findFirst().orElseThrow();
            assertEquals("1", webRow.getText(7), "critical");
            assertEquals("1", webRow.getText(8), "high");
            assertEquals("not checked", webRow.getText(1));
            try {
                s.screenshot(boardRoot.getShell(), "secops-compliance-board");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(ops.findings(OPS).stream().anyMatch(f -> f.host().equals(db)
                && f.status() == FindingStatus.ACCEPTED && f.acceptedBy().length() > 0));
    }
}
