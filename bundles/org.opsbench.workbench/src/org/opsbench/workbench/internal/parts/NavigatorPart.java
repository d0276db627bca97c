package org.opsbench.workbench.internal.parts;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Lists every view that the installed bundles contribute (part descriptors tagged {@code View}), grouped by area; a
 * double-click opens it in the stack its descriptor names. The shell knows no area: a view's area is its descriptor's
 * {@code area:<name>} tag, or else the name of the bundle that contributes it without "Opsbench" and "Views". It
 * follows the model: views of bundles installed or uninstalled while the workbench runs come and go.
 */
public class NavigatorPart {

    @Inject
    MApplication application;

    @Inject
    EPartService parts;

    @Inject
    UISynchronize ui;

    private TableSupport<MPartDescriptor> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new TableSupport<>(parent, "navigator");
        Collator collator = Collator.getInstance();
        Comparator<MPartDescriptor> byArea = Comparator.comparing(NavigatorPart::areaOf, collator)
                .thenComparing(MPartDescriptor::getLocalizedLabel, collator);
        table.column("View", 170, MPartDescriptor::getLocalizedLabel)
                .column("Area", 100, NavigatorPart::areaOf, byArea)
                .column("Opens in", 60, d -> placeOf(d.getCategory()));
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setRows(views(application));
        table.sortBy(1);
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

    /**
     * An extension bundle came or went (the platform's {@code org.opsbench.extensions} topic): list the views again
     * once the model assembler has merged or removed its fragment.
     */
    @Inject
    @Optional
    void extensionChanged(@EventTopic("org/opsbench/extensions/*") Event event) {
        ui.asyncExec(() -> descriptorsChanged(event));
    }

    /** The part descriptors shown as views, in model order. */
    public static List<MPartDescriptor> views(MApplication application) {
        return application.getDescriptors().stream().filter(d -> d.getTags().contains(WorkbenchIds.TAG_VIEW))
                .toList();
    }

    /** The area a view belongs to, for grouping: its {@code area:} tag, or its contributing bundle's name. */
    public static String areaOf(MPartDescriptor d) {
        for (String tag : d.getTags()) {
            if (tag.startsWith(WorkbenchIds.TAG_AREA_PREFIX) && tag.length() > WorkbenchIds.TAG_AREA_PREFIX.length()) {
                return tag.substring(WorkbenchIds.TAG_AREA_PREFIX.length());
            }
        }
        String uri = d.getContributorURI();
        if (uri == null) {
            return "";
        }
        String symbolicName = uri.substring(uri.lastIndexOf('/') + 1);
        Bundle self = FrameworkUtil.getBundle(NavigatorPart.class);
        Bundle contributor = self == null
                ? null
                : Arrays.stream(self.getBundleContext().getBundles())
                        .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
        String name = contributor == null ? null : contributor.getHeaders("").get(Constants.BUNDLE_NAME);
        return name == null || name.isBlank() ? symbolicName : areaName(name);
    }

    /** "Opsbench Monitoring Views" is the area "Monitoring"; other names stay as they are. */
    static String areaName(String bundleName) {
        String name = bundleName.strip();
        if (name.startsWith("Opsbench ")) {
            name = name.substring("Opsbench ".length());
        }
        for (String suffix : List.of(" Views", " UI")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
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
