package org.opsbench.extensions;

/** The permissions the {@link Extensions} service checks. */
public final class ExtensionsPermissions {

    /** See the installed bundles, their components and problems. */
    public static final String READ = "extensions:read";
    /** Install and uninstall extensions. */
    public static final String INSTALL = "extensions:install";

    private ExtensionsPermissions() {
    }
}
