package org.opsbench.workbench.internal.parts;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Lists every view that the installed bundles contribute (part descriptors tagged {@code View}); a double-click opens
 * it in the stack its descriptor names. The shell knows no area: this list is all it knows of them. It follows the
 * model: views of bundles installed or uninstalled while the workbench runs come and go.
 */
public class NavigatorPart {

    @Inject
    MApplication application;

    @Inject
    EPartService parts;

    private TableSupport<MPartDescriptor> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new TableSupport<>(parent, "navigator");
        table.column("View", 170, MPartDescriptor::getLocalizedLabel).column("Opens in", 90,
                d -> placeOf(d.getCategory()));
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setRows(views(application));
        table.sortBy(0);
        table.viewer().addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof MPartDescriptor d) {
                parts.showPart(d.getElementId(), PartState.ACTIVATE);
            }
        });
    }

    /** A part descriptor was added to or removed from the application: list the views again. */
    @Inject
    @Optional
    void descriptorsChanged(@UIEventTopic(UIEvents.PartDescriptorContainer.TOPIC_DESCRIPTORS) Event event) {
        if (table != null && !table.control().isDisposed()) {
            table.setRows(views(application));
        }
    }

    /** The part descriptors shown as views, in model order. */
    public static List<MPartDescriptor> views(MApplication application) {
        return application.getDescriptors().stream().filter(d -> d.getTags().contains(WorkbenchIds.TAG_VIEW))
                .toList();
    }

    private static String placeOf(String category) {
        if (category == null) {
            return "";
        }
        return switch (category) {
            case WorkbenchIds.PARTSTACK_NAVIGATION -> "left";
            case WorkbenchIds.PARTSTACK_BOTTOM -> "bottom";
            default -> "centre";
        };
    }
}
