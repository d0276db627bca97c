package org.opsbench.incidents;

import java.util.List;

/**
 * The outcome of a CSV import: every line was imported, or none was.
 *
 * @param imported
 *            tickets created (0 when {@link #errors()} is not empty)
 * @param references
 *            the first and last reference created per kind, for example {@code INC-000010..INC-000019}
 * @param errors
 *            {@code line N: field: message}, at most 100; empty on success
 */
public record ImportResult(int imported, List<String> references, List<String> errors) {

    /** Copies. */
    public ImportResult {
        references = List.copyOf(references);
        errors = List.copyOf(errors);
    }

    /** Whether the import went through. */
    public boolean succeeded() {
        return errors.isEmpty();
    }
}
