package org.opsbench.monitoring.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.MonitoringAdmin;

/**
 * The form of one check: host, name, type and the type's parameters (rendered from
 * {@link MonitoringAdmin#checkTypes()}), timing and thresholds. Saves through {@link MonitoringAdmin#saveCheck}, off
 * the UI thread.
 */
final class CheckEditor {

    private final EditorSupport support;
    private final List<MonitoringAdmin.TypeInfo> types;
    private final CheckDefinition original;
    private final Composite composite;
    private final Form form;
    private final ParameterFields parameters;
    private final Button save;

    /** An editor of {@code check}, or of a new check on {@code host} when null. */
    CheckEditor(Composite parent, EditorSupport support, List<MonitoringAdmin.TypeInfo> types, List<String> hosts,
            CheckDefinition check, String host) {
        this.support = support;
        this.types = types;
        this.original = check;
        composite = new Composite(parent, SWT.NONE);
        composite.setLayout(new GridLayout(1, false));
        form = new Form(composite, "check");
        form.composite().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        String firstType = types.stream().map(MonitoringAdmin.TypeInfo::id).filter("tcp"::equals).findFirst()
                .orElse(types.isEmpty() ? "" : types.get(0).id());
        CheckDefinition c = check != null ? check : CheckDefinition.of(host, "", firstType, Map.of());
        form.section(check == null ? "New check on " + host : "Check " + check.key());
        Combo hostChoice = form.choice("host", "Host *", hosts, c.host(), false);
        hostChoice.setEnabled(check == null);
        Text name = form.text("name", "Name *", c.name(), "unique on the host: letters, digits, . _ -");
        if (check != null) {
            EditorSupport.fixed(name);
        }
        Combo type = form.choice("type", "Check type *", types.stream().map(MonitoringAdmin.TypeInfo::id).toList(),
                c.type(), false);
        form.check("enabled", "Scheduled", c.enabled());
        form.section("Parameters");
        parameters = new ParameterFields(form.nested(), "parameters");
        parameters.show(parametersOf(c.type()), c.parameters());
        type.addListener(SWT.Selection, e -> parameters.show(parametersOf(type.getText()),
                type.getText().equals(c.type()) ? c.parameters() : Map.of()));
        form.section("Timing");
        form.text("interval", "Interval", Durations.format(c.interval()), "while HARD, e.g. 1m");
        form.text("retryInterval", "Retry interval", Durations.format(c.retryInterval()), "while a problem is SOFT");
        form.text("maxAttempts", "Max attempts", Integer.toString(c.maxAttempts()), "problems in a row to HARD");
        form.text("timeout", "Timeout", Durations.format(c.timeout()), "then the result is UNKNOWN");
        form.section("Thresholds (Nagios ranges on one metric)");
        CheckDefinition.Thresholds t = c.thresholds();
        form.text("thresholds.metric", "Metric", t == null ? "" : t.metric(), "e.g. time");
        form.text("thresholds.warning", "Warning", t == null ? "" : t.warning(), "e.g. 500, 10:, @10:20");
        form.text("thresholds.critical", "Critical", t == null ? "" : t.critical(), "e.g. 1000");
        save = EditorSupport.buttons(composite, "check", this::save, this::revert)[0];
    }

    Composite control() {
        return composite;
    }

    Form form() {
        return form;
    }

    private List<Parameter> parametersOf(String type) {
        return types.stream().filter(t -> t.id().equals(type)).findFirst().map(MonitoringAdmin.TypeInfo::parameters)
                .orElse(List.of());
    }

    /** The definition the fields describe. */
    CheckDefinition build() throws Form.FieldError {
        String metric = form.value("thresholds.metric");
        String warning = form.value("thresholds.warning");
        String critical = form.value("thresholds.critical");
        CheckDefinition.Thresholds t = metric.isEmpty() && warning.isEmpty() && critical.isEmpty()
                ? null
                : new CheckDefinition.Thresholds(metric, warning.isEmpty() ? null : warning,
                        critical.isEmpty() ? null : critical);
        return new CheckDefinition(form.value("host"), form.value("name"), form.value("type"), parameters.values(),
                EditorSupport.duration(form, "interval"), EditorSupport.duration(form, "retryInterval"),
                EditorSupport.integer(form, "maxAttempts", 3), EditorSupport.duration(form, "timeout"), t,
                form.checked("enabled"));
    }

    private void save() {
        form.clearErrors();
        CheckDefinition c;
        try {
            c = build();
        } catch (Form.FieldError e) {
            form.error(e.field, e.getMessage());
            support.message().error("Not saved: " + e.field + ": " + e.getMessage());
            return;
        }
        MonitoringAdmin admin = support.admin().get();
        support.save(form, "Saving check " + c.key(), () -> {
            admin.saveCheck(support.principal().get(), c);
            return c;
        }, "Saved check " + c.key(), c.key().toString(), save);
    }

    private void revert() {
        support.saved().accept(original == null ? null : original.key().toString());
    }
}
