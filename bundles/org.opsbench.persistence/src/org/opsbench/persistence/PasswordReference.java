package org.opsbench.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;

/**
 * Resolves a password reference setting (the data source's {@code passwordReference}, the REST API's
 * {@code tlsKeyStorePasswordReference}): a pointer to where the password lives, never the password itself. Forms:
 * {@code env:NAME} (an environment variable), {@code property:NAME} (a framework or system property) and
 * {@code file:PATH} (the first line of a file that only the service user can read).
 */
public final class PasswordReference {

    private PasswordReference() {
    }

    /**
     * The password {@code reference} points at; {@code property:NAME} is a framework property of {@code context}, else
     * a system property.
     *
     * @param setting
     *            names the setting in errors, e.g. {@code "passwordReference in org.opsbench.persistence.datasource"}
     * @throws IllegalArgumentException
     *             naming the setting when the reference is malformed or points at nothing
     */
    public static String resolve(String setting, String reference, BundleContext context) {
        return resolve(setting, reference, name -> {
            String value = context.getProperty(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    private static String resolve(String setting, String reference, UnaryOperator<String> properties) {
        int colon = reference.indexOf(':');
        String kind = colon < 0 ? "" : reference.substring(0, colon);
        String name = colon < 0 ? "" : reference.substring(colon + 1).strip();
        if (name.isEmpty() || !(kind.equals("env") || kind.equals("property") || kind.equals("file"))) {
            throw new IllegalArgumentException(
                    setting + " must be env:NAME, property:NAME or"
                            + " file:PATH, was '" + reference + "'");
        }
        String value = switch (kind) {
            case "env" -> System.getenv(name);
            case "property" -> properties.apply(name);
            default -> firstLine(setting, Path.of(name));
        };
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(setting + " is '"
                    + reference + "', but " + describe(kind, name) + " is not set or empty");
        }
        return value;
    }

    private static String firstLine(String setting, Path file) {
        try {
            String text = Files.readString(file);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    setting + " names the file " + file + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(String kind, String name) {
        return switch (kind) {
            case "env" -> "the environment variable " + name;
            case "property" -> "the property " + name;
            default -> "the file " + name;
        };
    }
}
