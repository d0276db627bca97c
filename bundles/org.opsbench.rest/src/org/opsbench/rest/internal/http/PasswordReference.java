package org.opsbench.rest.internal.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.opsbench.rest.internal.RestConfig;

/**
 * Resolves the {@code tlsKeyStorePasswordReference} setting of the REST API: a pointer to where the password lives,
 * never the password itself. Forms: {@code env:NAME} (an environment variable), {@code property:NAME} (a framework or
 * system property) and {@code file:PATH} (the first line of a file that only the service user can read). The same forms
 * as the data source's {@code passwordReference}.
 */
final class PasswordReference {

    private PasswordReference() {
    }

    /**
     * The password {@code reference} points at.
     *
     * @param properties
     *            looks up a framework or system property ({@code null} when unset)
     * @throws IllegalArgumentException
     *             naming the setting when the reference is malformed or points at nothing
     */
    static String resolve(String reference, UnaryOperator<String> properties) {
        int colon = reference.indexOf(':');
        String kind = colon < 0 ? "" : reference.substring(0, colon);
        String name = colon < 0 ? "" : reference.substring(colon + 1).strip();
        if (name.isEmpty() || !(kind.equals("env") || kind.equals("property") || kind.equals("file"))) {
            throw new IllegalArgumentException(
                    "tlsKeyStorePasswordReference in " + RestConfig.PID + " must be env:NAME, property:NAME or"
                            + " file:PATH, was '" + reference + "'");
        }
        String value = switch (kind) {
            case "env" -> System.getenv(name);
            case "property" -> properties.apply(name);
            default -> firstLine(Path.of(name));
        };
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("tlsKeyStorePasswordReference in " + RestConfig.PID + " is '"
                    + reference + "', but " + describe(kind, name) + " is not set or empty");
        }
        return value;
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("tlsKeyStorePasswordReference in " + RestConfig.PID
                    + " names the file " + file + ", which cannot be read: " + e.getMessage(), e);
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
