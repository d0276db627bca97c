package org.opsbench.extensions;

import java.nio.file.Path;
import java.util.List;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The extension bundles of this runtime and how they are installed. Extensions come from the folder {@link #folder()}:
 * what is there is installed, what goes is uninstalled. {@link #install} puts a jar (from a path, a URL or a p2
 * repository) into that folder, so an installed extension stays installed across restarts.
 */
@ProviderType
public interface Extensions {

    /** Topic of the event posted after an extension was installed, updated or uninstalled, or failed to. */
    String TOPIC_CHANGED = "org/opsbench/extensions/CHANGED";

    /** The watched folder, {@code <workspace>/extensions}. */
    Path folder();

    /**
     * Every bundle of the runtime with its components, extensions first.
     *
     * @throws org.opsbench.core.security.NotAllowedException
     *             without {@link ExtensionsPermissions#READ}
     */
    List<Plugin> plugins(Principal caller);

    /** The jars of the folder that could not be installed or started, with the reason. */
    List<Problem> problems(Principal caller);

    /**
     * Installs an extension: {@code source} is a jar (a path or a {@code file:}/{@code http(s):} URL), or a p2
     * repository URL together with {@code bundleId}, the symbolic name of the bundle to take from it (its highest
     * version). The jar is copied into {@link #folder()} and installed and started from there; returns the bundle as
     * installed.
     *
     * @throws IllegalArgumentException
     *             when the source cannot be read or holds no such bundle; nothing is installed then
     * @throws org.opsbench.core.security.NotAllowedException
     *             without {@link ExtensionsPermissions#INSTALL}
     */
    Plugin install(Principal caller, String source, String bundleId);

    /**
     * Uninstalls the extension installed from {@code fileName} in the folder, deleting the file.
     *
     * @return whether there was one
     */
    boolean uninstall(Principal caller, String fileName);

    /** Scans the folder now instead of at the next poll. */
    void rescan();
}
