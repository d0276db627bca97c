package org.opsbench.monitoring.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.spi.Parameter;

/**
 * The fields of a check type's or notifier's parameters, rendered from its {@link Parameter} metadata into a nested
 * {@link Form}: text fields (a check box for BOOLEAN), required ones marked with *, defaults as hints. Keys are
 * {@code field.name} ({@code parameters.port}), as the service names them in its errors. Values of parameters the type
 * does not list are kept as they were.
 */
final class ParameterFields {

    private final Form form;
    private final String field;
    private List<Parameter> parameters = List.of();
    private Map<String, String> extras = Map.of();

    ParameterFields(Form form, String field) {
        this.form = form;
        this.field = field;
    }

    /** Shows the fields of {@code list} filled with {@code values}. */
    void show(List<Parameter> list, Map<String, String> values) {
        form.clear();
        parameters = List.copyOf(list);
        Map<String, String> rest = new LinkedHashMap<>(values);
        if (parameters.isEmpty()) {
            Label none = new Label(form.composite(), SWT.NONE);
            none.setText("(this type takes no parameters)");
            none.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        }
        for (Parameter p : parameters) {
            String value = rest.remove(p.name());
            String label = p.label() + (p.required() && p.defaultValue() == null ? " *" : "");
            String key = field + "." + p.name();
            if (p.type() == Parameter.Type.BOOLEAN) {
                String v = value != null ? value : p.defaultValue();
                form.check(key, label, Boolean.parseBoolean(v));
            } else {
                form.text(key, label, value, hint(p));
            }
        }
        extras = Map.copyOf(rest);
        form.composite().getParent().layout(true, true);
    }

    /** The values entered, with the kept ones of unlisted parameters; empty fields are left out. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>(extras);
        for (Parameter p : parameters) {
            String key = field + "." + p.name();
            if (p.type() == Parameter.Type.BOOLEAN) {
                out.put(p.name(), Boolean.toString(form.checked(key)));
            } else {
                String v = form.value(key);
                if (!v.isEmpty()) {
                    out.put(p.name(), v);
                }
            }
        }
        return out;
    }

    private static String hint(Parameter p) {
        String kind = switch (p.type()) {
            case INTEGER -> "a whole number";
            case DURATION -> "e.g. 30s or PT30S";
            case SECRET_ALIAS -> "alias of a vault secret";
            default -> null;
        };
        if (p.defaultValue() != null && !p.defaultValue().isEmpty()) {
            return "default: " + p.defaultValue();
        }
        return kind;
    }
}
