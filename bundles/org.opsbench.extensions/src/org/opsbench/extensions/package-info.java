/**
 * Installing extension bundles into a running workbench or server: the {@link org.opsbench.extensions.Extensions}
 * service watches {@code <workspace>/extensions/} (a jar dropped in is installed and started, removed: stopped and
 * uninstalled, replaced: updated), installs from a p2 repository, and reports every bundle with its Declarative
 * Services components and their failures (the Plug-ins view, {@code opsbench:extensions}).
 */
package org.opsbench.extensions;
