package org.opsbench.changes.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.changes.RecentChange;
import org.opsbench.core.changes.RecentChanges;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * "What changed before?": for configuration items (ids or names) and a moment, the changes and drift in the window
 * before it, newest first, through the core {@link RecentChanges} service (the same question an alert or an incident
 * asks).
 */
public class CorrelationPart {

    static final String[] WINDOWS = {"1 hour", "6 hours", "24 hours", "7 days"};
    static final Duration[] DURATIONS = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24),
            Duration.ofDays(7)};

    @Inject
    UISynchronize ui;
    @Inject
    Principal principal;
    @Inject
    @Optional
    @Service
    RecentChanges recent;

    private Composite root;
    private Text items;
    private Text at;
    private Combo window;
    private TableSupport<RecentChange> table;
    private MessageLine message;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(7, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Items:");
        items = new Text(bar, SWT.BORDER);
        items.setData(WorkbenchIds.WIDGET_ID, "correlation.items");
        items.setMessage("ids or names, comma-separated");
        items.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Before:");
        at = new Text(bar, SWT.BORDER);
        at.setData(WorkbenchIds.WIDGET_ID, "correlation.at");
        at.setMessage("now");
        at.setLayoutData(new GridData(130, SWT.DEFAULT));
        window = new Combo(bar, SWT.READ_ONLY);
        window.setItems(WINDOWS);
        window.select(2);
        window.setData(WorkbenchIds.WIDGET_ID, "correlation.window");
        Buttons.push(bar, "Look back", "correlation.search", this::search);
        message = new MessageLine(parent, "correlation.message");
        table = new TableSupport<>(parent, "correlation");
        table.column("When", 130, r -> ChangeViews.time(r.start()), Comparator.comparing(RecentChange::start))
                .column("Kind", 70, r -> r.kind().name())
                .column("Reference", 140, RecentChange::reference)
                .column("State", 100, RecentChange::state)
                .column("Items", 160, r -> String.join(", ", r.items().stream().map(CiRef::name).toList()))
                .column("Ended", 130, r -> ChangeViews.time(r.end()))
                .column("Summary", 420, RecentChange::summary);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        table.sortBy(0);
        if (recent == null) {
            message.error("No correlation service: the changes area (bundle org.opsbench.changes) is not running.");
        }
    }

    void search() {
        RecentChanges r = recent;
        if (r == null) {
            return;
        }
        List<String> wanted = Arrays.stream(items.getText().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        Instant moment;
        try {
            moment = at.getText().isBlank() ? Instant.now() : ChangeViews.parse("Before", at.getText());
        } catch (IllegalArgumentException e) {
            message.error(e.getMessage());
            return;
        }
        Duration back = DURATIONS[Math.max(0, window.getSelectionIndex())];
        Background.run(ui, "Looking for changes", false, () -> r.before(principal, wanted, moment, back),
                (List<RecentChange> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        message.info(rows.size() + " changes and drift events in the " + window.getText()
                                + " before " + ChangeViews.time(moment));
                    }
                }, e -> message.error(Background.message(e)));
    }
}
