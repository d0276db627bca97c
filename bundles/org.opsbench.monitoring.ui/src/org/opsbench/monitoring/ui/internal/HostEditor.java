package org.opsbench.monitoring.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;

/**
 * The form of one host: name, address, CMDB item, host check and its parameters (rendered from the check type), timing,
 * parents and SSH settings. Saves through {@link MonitoringAdmin#saveHost}, off the UI thread.
 */
final class HostEditor {

    private final EditorSupport support;
    private final List<MonitoringAdmin.TypeInfo> types;
    private final HostDefinition original;
    private final Composite composite;
    private final Form form;
    private final ParameterFields hostCheckParameters;
    private final Button save;

    /** An editor of {@code host}, or of a new host when null. */
    HostEditor(Composite parent, EditorSupport support, List<MonitoringAdmin.TypeInfo> types, HostDefinition host) {
        this.support = support;
        this.types = types;
        this.original = host;
        composite = new Composite(parent, SWT.NONE);
        composite.setLayout(new GridLayout(1, false));
        form = new Form(composite, "host");
        form.composite().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        HostDefinition h = host != null ? host : HostDefinition.of("", "");
        form.section(host == null ? "New host" : "Host " + host.name());
        var name = form.text("name", "Name *", h.name(), "letters, digits, . _ -");
        if (host != null) {
            EditorSupport.fixed(name);
        }
        form.text("address", "Address *", h.address(), "DNS name or IP address");
        form.text("ciId", "Configuration item", h.ciId(), "optional CMDB id");
        form.check("enabled", "Monitored", h.enabled());
        form.section("Host check");
        List<String> ids = types.stream().map(MonitoringAdmin.TypeInfo::id).toList();
        Combo check = form.choice("hostCheck", "Check type", ids, h.hostCheck(), false);
        hostCheckParameters = new ParameterFields(form.nested(), "hostCheckParameters");
        hostCheckParameters.show(parameters(h.hostCheck()), h.hostCheckParameters());
        check.addListener(SWT.Selection, e -> hostCheckParameters.show(parameters(check.getText()),
                check.getText().equals(h.hostCheck()) ? h.hostCheckParameters() : Map.of()));
        form.text("interval", "Interval", Durations.format(h.interval()), "e.g. 1m");
        form.text("maxAttempts", "Max attempts", Integer.toString(h.maxAttempts()), "failures in a row to DOWN");
        form.section("Reached through");
        form.text("parents", "Parent hosts", String.join(", ", h.parents()), "comma-separated host names");
        form.section("SSH (for checks over SSH)");
        form.text("sshUser", "SSH user", h.sshUser(), "none: not reached over SSH");
        form.text("sshPort", "SSH port", Integer.toString(h.sshPort()), null);
        form.text("credentialAlias", "Credential", h.credentialAlias(), "vault alias of the password or key");
        save = EditorSupport.buttons(composite, "host", this::save, this::revert)[0];
    }

    Composite control() {
        return composite;
    }

    Form form() {
        return form;
    }

    private List<Parameter> parameters(String type) {
        return types.stream().filter(t -> t.id().equals(type)).findFirst().map(MonitoringAdmin.TypeInfo::parameters)
                .orElse(List.of());
    }

    /** The definition the fields describe. */
    HostDefinition build() throws Form.FieldError {
        List<String> parents = Arrays.stream(form.value("parents").split("[,\\s]+")).filter(s -> !s.isEmpty())
                .toList();
        int port = EditorSupport.integer(form, "sshPort", 22);
        int attempts = EditorSupport.integer(form, "maxAttempts", 3);
        return new HostDefinition(form.value("name"), form.value("address"), EditorSupport.optional(form, "ciId"),
                EditorSupport.optional(form, "sshUser"), port, EditorSupport.optional(form, "credentialAlias"), parents,
                form.value("hostCheck"), hostCheckParameters.values(), EditorSupport.duration(form, "interval"),
                attempts, form.checked("enabled"));
    }

    private void save() {
        form.clearErrors();
        HostDefinition h;
        try {
            h = build();
        } catch (Form.FieldError e) {
            form.error(e.field, e.getMessage());
            support.message().error("Not saved: " + e.field + ": " + e.getMessage());
            return;
        }
        MonitoringAdmin admin = support.admin().get();
        support.save(form, "Saving host " + h.name(), () -> {
            admin.saveHost(support.principal().get(), h);
            return h;
        }, "Saved host " + h.name(), h.name(), save);
    }

    private void revert() {
        support.saved().accept(original == null ? null : original.name());
    }
}
