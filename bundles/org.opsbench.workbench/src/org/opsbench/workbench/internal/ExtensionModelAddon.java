package org.opsbench.workbench.internal;

import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.SynchronousBundleListener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Completes what E4 does when a bundle with a {@code Model-Fragment} goes away. E4's model assembler adds the fragments
 * of a bundle installed at runtime and, when it is uninstalled, removes the menu and tool bar items it contributed, but
 * leaves its part descriptors and handlers in the model: its views would stay listed in the navigator and Show View,
 * and fail to open. This add-on removes, when a bundle is uninstalled, the part descriptors and handlers whose class
 * lives in that bundle, and closes the open parts made from them.
 */
public class ExtensionModelAddon {

    @Inject
    MApplication application;

    @Inject
    EModelService models;

    @Inject
    UISynchronize ui;

    private BundleContext context;
    private SynchronousBundleListener listener;

    @PostConstruct
    void start() {
        context = FrameworkUtil.getBundle(ExtensionModelAddon.class).getBundleContext();
        listener = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED && event.getBundle().getSymbolicName() != null) {
                String prefix = "bundleclass://" + event.getBundle().getSymbolicName() + "/";
                ui.asyncExec(() -> remove(prefix));
            }
        };
        context.addBundleListener(listener);
    }

    @PreDestroy
    void stop() {
        context.removeBundleListener(listener);
    }

    /** Removes the descriptors, parts and handlers whose contribution URI starts with {@code prefix}. */
    void remove(String prefix) {
        List<MPartDescriptor> descriptors = application.getDescriptors().stream()
                .filter(d -> from(d.getContributionURI(), prefix)).toList();
        for (MPartDescriptor d : descriptors) {
            for (MPart part : models.findElements(application, d.getElementId(), MPart.class)) {
                part.setToBeRendered(false);
                if (part.getParent() != null) {
                    part.getParent().getChildren().remove(part);
                }
            }
        }
        application.getDescriptors().removeAll(descriptors);
        application.getHandlers().removeIf(h -> from(h.getContributionURI(), prefix));
    }

    private static boolean from(String contributionUri, String prefix) {
        return contributionUri != null && contributionUri.startsWith(prefix);
    }
}
