package org.opsbench.monitoring.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.NotificationRule;

/**
 * The form of one notification rule: which states of which hosts and checks go to which notifier (its settings rendered
 * from {@link MonitoringAdmin#notifiers()}), repeats and escalation. Saves through {@link MonitoringAdmin#saveRule}.
 */
final class RuleEditor {

    static final List<String> STATES = List.of("WARNING", "CRITICAL", "UNKNOWN", "OK", "DOWN", "UNREACHABLE", "UP");
    static final String NONE = "(none)";

    private final EditorSupport support;
    private final List<MonitoringAdmin.TypeInfo> notifiers;
    private final NotificationRule original;
    private final Composite composite;
    private final Form form;
    private final ParameterFields settings;
    private final ParameterFields escalationSettings;
    private final Button save;

    /** An editor of {@code rule}, or of a new rule when null. */
    RuleEditor(Composite parent, EditorSupport support, List<MonitoringAdmin.TypeInfo> notifiers,
            NotificationRule rule) {
        this.support = support;
        this.notifiers = notifiers;
        this.original = rule;
        composite = new Composite(parent, SWT.NONE);
        composite.setLayout(new GridLayout(1, false));
        form = new Form(composite, "rule");
        form.composite().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        List<String> ids = notifiers.stream().map(MonitoringAdmin.TypeInfo::id).toList();
        NotificationRule r = rule != null
                ? rule
                : NotificationRule.of("", Set.of("CRITICAL", "OK"), "*", "*", ids.isEmpty() ? "" : ids.get(0),
                        Map.of());
        form.section(rule == null ? "New notification rule" : "Rule " + rule.name());
        Text name = form.text("name", "Name *", r.name(), "letters, digits, . _ -");
        if (rule != null) {
            EditorSupport.fixed(name);
        }
        form.check("enabled", "In use", r.enabled());
        form.checks("states", "States *", STATES, r.states());
        form.text("hosts", "Hosts", r.hosts(), "name pattern: *, web-*");
        form.text("checks", "Checks", r.checks(), "*: all; empty: host states only");
        form.section("Notifier");
        Combo notifier = form.choice("notifier", "Notifier *", ids, r.notifier(), false);
        settings = new ParameterFields(form.nested(), "settings");
        settings.show(parametersOf(r.notifier()), r.settings());
        notifier.addListener(SWT.Selection, e -> settings.show(parametersOf(notifier.getText()),
                notifier.getText().equals(r.notifier()) ? r.settings() : Map.of()));
        form.section("Repeats and escalation (unacknowledged problems)");
        form.text("repeat", "Repeat every", r.repeat().isZero() ? "" : Durations.format(r.repeat()),
                "empty: no repeats; at least 1m");
        form.text("escalateAfter", "Escalate after", r.escalateAfter().isZero()
                ? ""
                : Durations.format(r.escalateAfter()), "empty: no escalation");
        List<String> escalationChoices = new ArrayList<>();
        escalationChoices.add(NONE);
        escalationChoices.addAll(ids);
        Combo escalation = form.choice("escalationNotifier", "Escalate to", escalationChoices,
                r.escalationNotifier() == null ? NONE : r.escalationNotifier(), false);
        escalationSettings = new ParameterFields(form.nested(), "escalationSettings");
        escalationSettings.show(parametersOf(r.escalationNotifier()), r.escalationSettings());
        escalation.addListener(SWT.Selection, e -> escalationSettings.show(parametersOf(escalation.getText()),
                escalation.getText().equals(r.escalationNotifier()) ? r.escalationSettings() : Map.of()));
        save = EditorSupport.buttons(composite, "rule", this::save, this::revert)[0];
    }

    Composite control() {
        return composite;
    }

    Form form() {
        return form;
    }

    private List<Parameter> parametersOf(String id) {
        return notifiers.stream().filter(t -> t.id().equals(id)).findFirst().map(MonitoringAdmin.TypeInfo::parameters)
                .orElse(List.of());
    }

    /** The rule the fields describe. */
    NotificationRule build() throws Form.FieldError {
        String escalateTo = form.value("escalationNotifier");
        boolean escalates = !escalateTo.isEmpty() && !NONE.equals(escalateTo);
        return new NotificationRule(form.value("name"), form.selected("states"), form.value("hosts"),
                form.value("checks"), form.value("notifier"), settings.values(),
                EditorSupport.duration(form, "repeat"), EditorSupport.duration(form, "escalateAfter"),
                escalates ? escalateTo : null, escalates ? escalationSettings.values() : Map.of(),
                form.checked("enabled"));
    }

    private void save() {
        form.clearErrors();
        NotificationRule r;
        try {
            r = build();
        } catch (Form.FieldError e) {
            form.error(e.field, e.getMessage());
            support.message().error("Not saved: " + e.field + ": " + e.getMessage());
            return;
        }
        MonitoringAdmin admin = support.admin().get();
        support.save(form, "Saving rule " + r.name(), () -> {
            admin.saveRule(support.principal().get(), r);
            return r;
        }, "Saved rule " + r.name(), "rule:" + r.name(), save);
    }

    private void revert() {
        support.saved().accept(original == null ? null : "rule:" + original.name());
    }
}
