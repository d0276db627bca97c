package org.opsbench.extensions;

import java.util.List;

/**
 * One bundle of the runtime as the Plug-ins view shows it.
 *
 * @param id
 *            the bundle id
 * @param symbolicName
 *            its symbolic name
 * @param version
 *            its version
 * @param state
 *            {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING}, {@code STOPPING}
 * @param file
 *            the file in the extensions folder it was installed from, or {@code null} for a bundle of the product
 * @param components
 *            its Declarative Services components
 * @param error
 *            why it is not working (resolution or start failure), or {@code null}
 */
public record Plugin(long id, String symbolicName, String version, String state, String file,
        List<Component> components, String error) {

    /** Copies the components. */
    public Plugin {
        components = List.copyOf(components);
    }

    /** Whether it came from the extensions folder. */
    public boolean extension() {
        return file != null;
    }

    /** Whether it or one of its components is not working. */
    public boolean faulty() {
        return error != null || components.stream().anyMatch(c -> c.failure() != null);
    }

    /**
     * A Declarative Services component of a bundle.
     *
     * @param name
     *            the component name
     * @param state
     *            {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE}, {@code UNSATISFIED_CONFIGURATION},
     *            {@code FAILED_ACTIVATION} or {@code DISABLED}
     * @param failure
     *            the exception of a failed activation, or {@code null}
     */
    public record Component(String name, String state, String failure) {

        /**
         * The failure in one line: its innermost cause ({@code Caused by:}, without the prefix), else its first line;
         * {@code null} without a failure.
         */
        public String reason() {
            if (failure == null) {
                return null;
            }
            return failure.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                    .map(l -> l.substring("Caused by: ".length())).orElse(failure.lines().findFirst().orElse(""));
        }
    }
}
