package org.opsbench.core.spi;

/**
 * A setting an extension needs (host, port, URL, secret alias, ...), so that the workbench and the server can render
 * and validate a form for it without knowing the extension.
 *
 * @param name
 *            key in the parameter map
 * @param label
 *            human label
 * @param type
 *            value type, used for validation and for choosing an editor
 * @param required
 *            whether a value must be given
 * @param defaultValue
 *            the value used when none is given, or {@code null}
 */
public record Parameter(String name, String label, Type type, boolean required, String defaultValue) {

    /** Value types. */
    public enum Type {
        /** Free text. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A duration in ISO-8601 ({@code PT30S}) or seconds. */
        DURATION,
        /** The alias of a secret in the {@link org.opsbench.core.security.SecretStore}; never the secret itself. */
        SECRET_ALIAS
    }

    /** A required parameter without default. */
    public static Parameter required(String name, String label, Type type) {
        return new Parameter(name, label, type, true, null);
    }

    /** An optional parameter with a default. */
    public static Parameter optional(String name, String label, Type type, String defaultValue) {
        return new Parameter(name, label, type, false, defaultValue);
    }
}
