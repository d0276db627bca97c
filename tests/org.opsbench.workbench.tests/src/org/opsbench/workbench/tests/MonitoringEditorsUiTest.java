package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsbench.workbench.tests.MonitoringFixture.OPS;

import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.ui.internal.ConfigurationPart;
import org.opsbench.monitoring.ui.internal.MonitoringViews;

/**
 * The host and check editors: bad input is refused with the error next to the field it names (from the view's parsing
 * and from the service's validation), nothing is written, and corrected input is saved.
 */
class MonitoringEditorsUiTest {

    @Test
    void editorsShowTheRefusedFieldAndSaveOnceCorrected() throws Exception {
        try (MonitoringFixture f = MonitoringFixture.start()) {
            String host = "ui-ed-" + f.run;
            RunningWorkbench.run(s -> {
                MPart part = Ui.show(s, MonitoringViews.CONFIGURATION);
                Control root = (Control) part.getWidget();
                Label message = Ui.find(root, "config.message");
                ConfigurationPart config = (ConfigurationPart) part.getObject();
                s.waitUntil("the configuration and check types read", 20_000, () -> config.loads() >= 1);

                Ui.press(root, "config.newhost");
                Ui.type(root, "host.name", host);
                Ui.type(root, "host.address", "not an address!");
                Ui.choose(root, "host.hostCheck", "tcp");
                Ui.type(root, "host.hostCheckParameters.port", Integer.toString(f.open.getLocalPort()));
                Ui.press(root, "host.save");
                Label addressError = Ui.find(root, "host.address.error");
                s.waitUntil("the address refused", 20_000, () -> !addressError.getText().isEmpty());
                assertTrue(addressError.getText().startsWith("a DNS name or IP address is required"),
                        addressError.getText());
                assertEquals("", this.<Label>get(root, "host.name.error").getText(), "only the bad field is marked");
                assertTrue(message.getText().startsWith("Not saved: address: "), message.getText());
                assertTrue(f.admin().host(OPS, host).isEmpty(), "nothing written");

                Ui.type(root, "host.address", "127.0.0.1");
                Ui.press(root, "host.save");
                s.waitUntil("the host saved", 20_000, () -> message.getText().equals("Saved host " + host));
                assertEquals("tcp", f.admin().host(OPS, host).orElseThrow().hostCheck());

                // the tree selects the saved host; a new check goes on it
                s.waitUntil("the saved host selected", 20_000, () -> {
                    var tree = (org.eclipse.swt.widgets.Tree) Ui.find(root, "config.tree");
                    return tree.getSelectionCount() == 1 && tree.getSelection()[0].getText().startsWith(host);
                });
                Ui.press(root, "config.newcheck");
                Ui.type(root, "check.name", "port");
                Ui.choose(root, "check.type", "tcp");
                Ui.type(root, "check.parameters.port", "http");
                Ui.type(root, "check.interval", "soon");
                Ui.press(root, "check.save");
                Label intervalError = Ui.find(root, "check.interval.error");
                assertTrue(intervalError.getText().startsWith("a duration like 30s"), intervalError.getText());
                assertTrue(message.getText().startsWith("Not saved: interval: "), message.getText());

                Ui.type(root, "check.interval", "2m");
                Ui.press(root, "check.save");
                Label portError = Ui.find(root, "check.parameters.port.error");
                s.waitUntil("the port refused by the service", 20_000, () -> !portError.getText().isEmpty());
                assertEquals("not a whole number: 'http'", portError.getText());
                assertEquals("", intervalError.getText(), "the corrected field is clear");
                assertTrue(message.getText().startsWith("Not saved: parameters.port: "), message.getText());
                assertTrue(f.admin().checks(OPS, host).isEmpty(), "nothing written");
                try {
                    s.screenshot(root.getShell(), "monitoring-editor-refused");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }

                Ui.type(root, "check.parameters.port", Integer.toString(f.open.getLocalPort()));
                Ui.type(root, "check.thresholds.metric", "time");
                Ui.type(root, "check.thresholds.warning", "500");
                Ui.press(root, "check.save");
                s.waitUntil("the check saved", 20_000, () -> message.getText().equals("Saved check " + host + "/port"));
                List<CheckDefinition> checks = f.admin().checks(OPS, host);
                assertEquals(1, checks.size());
                assertEquals(java.time.Duration.ofMinutes(2), checks.get(0).interval());
                assertEquals("500", checks.get(0).thresholds().warning());
                s.waitUntil("the saved check open in its editor", 20_000, () -> {
                    Text name = (Text) RunningWorkbench.find(root, "check.name");
                    return name != null && !name.isDisposed() && name.getText().equals("port") && !name.getEditable();
                });

                // a notification rule: the service refuses a repeat more often than once a minute, next to the field
                String rule = "ui-rule-" + f.run;
                Ui.press(root, "config.newrule");
                Ui.type(root, "rule.name", rule);
                Ui.toggle(root, "rule.states.WARNING", true);
                Ui.type(root, "rule.hosts", host);
                Ui.choose(root, "rule.notifier", "log");
                Ui.type(root, "rule.repeat", "30s");
                Ui.press(root, "rule.save");
                Label repeatError = Ui.find(root, "rule.repeat.error");
                s.waitUntil("the repeat refused", 20_000, () -> !repeatError.getText().isEmpty());
                assertTrue(repeatError.getText().startsWith("repeat at most once a minute"), repeatError.getText());
                assertTrue(f.admin().rules(OPS).stream().noneMatch(r -> r.name().equals(rule)), "nothing written");
                Ui.type(root, "rule.repeat", "15m");
                Ui.press(root, "rule.save");
                s.waitUntil("the rule saved", 20_000, () -> message.getText().equals("Saved rule " + rule));
                NotificationRule saved = f.admin().rules(OPS).stream().filter(r -> r.name().equals(rule)).findFirst()
                        .orElseThrow();
                assertEquals(java.util.Set.of("WARNING", "CRITICAL", "OK"), saved.states());
                assertEquals(java.time.Duration.ofMinutes(15), saved.repeat());
                assertEquals("log", saved.notifier());
            });
        }
    }

    private <T extends org.eclipse.swt.widgets.Widget> T get(Control root, String id) {
        return Ui.find(root, id);
    }
}
