package org.opsbench.extensions.ui.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.extensions.Extensions;
import org.opsbench.extensions.Plugin;
import org.opsbench.extensions.Problem;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Plug-ins view: every bundle with its state, where it came from (product or extensions folder) and its Declarative
 * Services components; faulty ones (not started, a component failed to activate) first and marked. The selected
 * bundle's components and failures are shown below the table. Refreshes on extension events.
 */
public class PluginsPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Extensions extensions;

    private Composite root;
    private MessageLine message;
    private TableSupport<Plugin> table;
    private Text detail;
    private volatile boolean disposed;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Buttons.push(parent, "Refresh", "plugins.refresh", this::refresh);
        message = new MessageLine(parent, "plugins.message");
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new TableSupport<>(sash, "plugins");
        table.column("Health", 70, p -> p.faulty() ? "FAULTY" : "ok", Comparator.comparing(p -> !p.faulty()))
                .column("Id", 50, p -> Long.toString(p.id()), Comparator.comparingLong(Plugin::id))
                .column("Bundle", 230, Plugin::symbolicName)
                .column("Version", 120, Plugin::version)
                .column("State", 80, Plugin::state)
                .column("From", 170, p -> p.extension() ? "extensions/" + p.file() : "product")
                .column("Components", 130, PluginsPart::components)
                .column("Error", 400, PluginsPart::firstError);
        table.colors(0, p -> p.faulty() ? new Color(Display.getCurrent(), 0xff, 0xcd, 0xd2) : null, p -> null);
        table.sortBy(0);
        table.viewer().addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            detail.setText(first instanceof Plugin p ? describe(p) : "");
        });
        detail = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        detail.setData(WorkbenchIds.WIDGET_ID, "plugins.detail");
        sash.setWeights(3, 1);
        if (extensions == null) {
            message.error("The extensions service (bundle org.opsbench.extensions) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    /** An extension was installed, updated, removed or failed: read the list again. */
    @Inject
    @Optional
    void extensionEvent(@EventTopic("org/opsbench/extensions/*") Event event) {
        if (!disposed && root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    void refresh() {
        if (extensions == null || disposed || root.isDisposed()) {
            return;
        }
        Extensions x = extensions;
        record Snapshot(List<Plugin> plugins, List<Problem> problems) {
        }
        Background.run(ui, "Reading installed plug-ins", false,
                () -> new Snapshot(x.plugins(principal), x.problems(principal)), (Snapshot s) -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    table.setRows(s.plugins());
                    long faulty = s.plugins().stream().filter(Plugin::faulty).count();
                    long ext = s.plugins().stream().filter(Plugin::extension).count();
                    String text = s.plugins().size() + " bundles, " + ext + " from " + x.folder() + ", " + faulty
                            + " faulty";
                    List<Problem> orphans = s.problems().stream().filter(p -> s.plugins().stream()
                            .noneMatch(b -> p.file().equals(b.file()))).toList();
                    if (!orphans.isEmpty()) {
                        message.error(text + "; not installed: " + orphans.stream()
                                .map(p -> p.file() + " (" + p.message() + ")").collect(Collectors.joining("; ")));
                    } else if (faulty > 0) {
                        message.error(text);
                    } else {
                        message.info(text);
                    }
                }, e -> message.error(Background.message(e)));
    }

    static String components(Plugin p) {
        if (p.components().isEmpty()) {
            return "";
        }
        long active = p.components().stream().filter(c -> c.state().equals("ACTIVE")).count();
        long failed = p.components().stream().filter(c -> c.failure() != null).count();
        return p.components().size() + " (" + active + " active" + (failed > 0 ? ", " + failed + " failed" : "")
                + ")";
    }

    static String firstError(Plugin p) {
        if (p.error() != null) {
            return p.error();
        }
        return p.components().stream().filter(c -> c.failure() != null).findFirst()
                .map(c -> c.name() + ": " + c.reason()).orElse("");
    }

    static String describe(Plugin p) {
        StringBuilder b = new StringBuilder(p.symbolicName() + " " + p.version() + " - " + p.state() + "\n");
        if (p.error() != null) {
            b.append("error: ").append(p.error()).append('\n');
        }
        for (Plugin.Component c : p.components()) {
            b.append(c.state()).append("  ").append(c.name()).append('\n');
            if (c.failure() != null) {
                b.append("    ").append(c.reason()).append('\n');
                b.append(c.failure().lines().limit(12).collect(Collectors.joining("\n    ", "    ", "\n")));
            }
        }
        return b.toString();
    }
}
