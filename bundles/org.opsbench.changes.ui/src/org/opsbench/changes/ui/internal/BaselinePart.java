package org.opsbench.changes.ui.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.changes.BaselineDefinition;
import org.opsbench.changes.BaselineVersion;
import org.opsbench.changes.Baselines;
import org.opsbench.changes.Drift;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Configuration baselines: the defined baselines, the versions of the chosen one, Capture and Compare (as Jobs, over
 * SSH), and the drift found as a unified diff with removed lines red and added lines green.
 */
public class BaselinePart {

    @Inject
    UISynchronize ui;
    @Inject
    Principal principal;
    @Inject
    @Optional
    @Service
    Baselines baselines;

    private Composite root;
    private TableSupport<BaselineDefinition> definitions;
    private TableSupport<BaselineVersion> versions;
    private StyledText diff;
    private MessageLine message;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        Buttons.push(bar, "Capture", "baselines.capture", () -> act(true));
        Buttons.push(bar, "Compare", "baselines.compare", () -> act(false));
        Buttons.push(bar, "Refresh", "baselines.refresh", this::refresh);
        message = new MessageLine(parent, "baselines.message");
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(2, true));
        definitions = new TableSupport<>(top, "baselines");
        definitions.column("Name", 140, BaselineDefinition::name).column("Item", 120, d -> d.item().name())
                .column("Files", 200, d -> String.join(" ", d.files()))
                .column("Commands", 200, d -> String.join("; ", d.commands()));
        definitions.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        definitions.viewer().addSelectionChangedListener(e -> readVersions());
        versions = new TableSupport<>(top, "baselines.versions");
        versions.column("Version", 60, v -> Integer.toString(v.version()),
                java.util.Comparator.comparingInt(BaselineVersion::version))
                .column("Captured", 130, v -> ChangeViews.time(v.captured())).column("By", 100,
                        BaselineVersion::capturedBy)
                .column("Approved", 120, v -> v.approved() ? "yes " + v.approvedWith() : "");
        versions.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        diff = new StyledText(sash, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        diff.setData(WorkbenchIds.WIDGET_ID, "baselines.diff");
        diff.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        sash.setWeights(2, 3);
        if (baselines == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        refresh();
    }

    private BaselineDefinition selected() {
        Object first = ((IStructuredSelection) definitions.viewer().getSelection()).getFirstElement();
        return first instanceof BaselineDefinition d ? d : null;
    }

    void refresh() {
        Baselines b = baselines;
        if (b == null || root.isDisposed()) {
            return;
        }
        Background.run(ui, "Reading baselines", false, () -> b.definitions(principal),
                (List<BaselineDefinition> rows) -> {
                    if (!root.isDisposed()) {
                        definitions.setRows(rows);
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void readVersions() {
        BaselineDefinition d = selected();
        Baselines b = baselines;
        if (d == null || b == null) {
            return;
        }
        Background.run(ui, "Reading versions of " + d.name(), false, () -> b.versions(principal, d.name()),
                (List<BaselineVersion> rows) -> {
                    if (!root.isDisposed()) {
                        versions.setRows(rows);
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void act(boolean capture) {
        BaselineDefinition d = selected();
        Baselines b = baselines;
        if (d == null || b == null) {
            message.error("Select a baseline first.");
            return;
        }
        Background.run(ui, (capture ? "Capturing " : "Comparing ") + d.name(), true,
                () -> capture ? b.capture(principal, d.name()) : b.compare(principal, d.name()), result -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    if (result instanceof Drift.Comparison c) {
                        showDiff(c.drifted() ? c.diff() : "");
                        message.info(c.drifted()
                                ? d.name() + " drifted: " + String.join(", ", c.changedSubjects())
                                : d.name() + " matches version " + c.approved().version());
                    } else if (result instanceof BaselineVersion v) {
                        message.info("captured " + v.name() + " version " + v.version());
                    }
                    readVersions();
                }, e -> message.error(Background.message(e)));
    }

    /** Shows a unified diff, coloured. */
    void showDiff(String text) {
        diff.setText(text);
        Color red = new Color(diff.getDisplay(), 190, 0, 0);
        Color green = new Color(diff.getDisplay(), 0, 130, 0);
        Color blue = new Color(diff.getDisplay(), 0, 60, 170);
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            Color c = line.startsWith("@@")
                    ? blue
                    : line.startsWith("+") && !line.startsWith("+++")
                            ? green
                            : line.startsWith("-") && !line.startsWith("---") ? red : null;
            if (c != null && !line.isEmpty()) {
                diff.setStyleRange(new StyleRange(offset, line.length(), c, null));
            }
            offset += line.length() + 1;
        }
    }
}
