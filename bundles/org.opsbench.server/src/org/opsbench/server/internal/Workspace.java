package org.opsbench.server.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The data folder: framework property {@code opsbench.workspace}, by default {@code ~/.opsbench}. */
final class Workspace {

    /** The property naming the workspace folder; the launch scripts set it from {@code --workspace}. */
    static final String PROPERTY = "opsbench.workspace";

    private Workspace() {
    }

    static Path of(BundleContext context) {
        String value = context.getProperty(PROPERTY);
        return value == null || value.isBlank()
                ? Path.of(System.getProperty("user.home"), ".opsbench")
                : Path.of(value);
    }
}
