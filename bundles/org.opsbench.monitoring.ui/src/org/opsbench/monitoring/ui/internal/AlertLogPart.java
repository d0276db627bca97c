package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.Monitoring;
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
 * The alert log: every notification decision (sent, failed after retries, or held back by a downtime, an unreachable
 * host, flapping, or no matching rule), newest first, filtered by period, outcome and free text. Read again after each
 * state change.
 */
public class AlertLogPart {

    static final int LIMIT = 5000;
    static final String[] PERIODS = {"last hour", "last 24 hours", "last 7 days", "last 30 days"};
    static final String ALL = "All outcomes";
    static final String HELD_BACK = "Held back (SUPPRESSED_*)";

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Monitoring monitoring;

    private Composite root;
    private Combo period;
    private Combo outcome;
    private MessageLine message;
    private TableSupport<AlertRecord> table;
    private volatile boolean disposed;
    private Job pending;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        new Label(bar, SWT.NONE).setText("Period:");
        period = new Combo(bar, SWT.READ_ONLY);
        period.setItems(PERIODS);
        period.select(1);
        period.setData(WorkbenchIds.WIDGET_ID, "alerts.period");
        period.addListener(SWT.Selection, e -> refresh());
        new Label(bar, SWT.NONE).setText("Outcome:");
        outcome = new Combo(bar, SWT.READ_ONLY);
        String[] outcomes = new String[AlertRecord.Outcome.values().length + 2];
        outcomes[0] = ALL;
        outcomes[1] = HELD_BACK;
        for (AlertRecord.Outcome o : AlertRecord.Outcome.values()) {
            outcomes[o.ordinal() + 2] = o.name();
        }
        outcome.setItems(outcomes);
        outcome.select(0);
        outcome.setData(WorkbenchIds.WIDGET_ID, "alerts.outcome");
        outcome.addListener(SWT.Selection, e -> table.viewer().refresh());
        Buttons.push(bar, "Refresh", "alerts.refresh", this::refresh);
        message = new MessageLine(parent, "alerts.message");
        table = new TableSupport<>(parent, "alerts");
        table.column("Time", 140, a -> Durations.time(a.time()),
                Comparator.comparing(AlertRecord::time).thenComparingLong(AlertRecord::id))
                .column("Host / check", 200, a -> a.key().toString())
                .column("State", 90, AlertRecord::state)
                .column("Kind", 100, a -> a.kind().name())
                .column("Rule", 120, a -> a.rule() == null ? "" : a.rule())
                .column("Notifier", 90, a -> a.notifier() == null ? "" : a.notifier())
                .column("Outcome", 170, a -> a.outcome().name())
                .column("Detail", 420, a -> a.detail() == null ? "" : a.detail());
        table.colors(2, a -> StateColors.background(BoardState.named(a.state()), false),
                a -> StateColors.foreground(BoardState.named(a.state()), false));
        table.colors(6, AlertLogPart::outcomeBackground, a -> null);
        table.viewer().addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return outcomeMatches((AlertRecord) element, outcome.getText());
            }
        });
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        table.sortBy(0); // newest first
        if (monitoring == null) {
            message.error("The monitoring service (bundle org.opsbench.monitoring) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    static boolean outcomeMatches(AlertRecord a, String choice) {
        if (choice == null || choice.isEmpty() || ALL.equals(choice)) {
            return true;
        }
        if (HELD_BACK.equals(choice)) {
            return a.outcome().name().startsWith("SUPPRESSED_");
        }
        return a.outcome().name().equals(choice);
    }

    private static Color outcomeBackground(AlertRecord a) {
        return switch (a.outcome()) {
            case FAILED -> StateColors.background(BoardState.CRITICAL, true);
            case SENT -> StateColors.background(BoardState.OK, true);
            default -> null;
        };
    }

    /** A state change may have decided a notification: read the log again. */
    @Inject
    @Optional
    void stateChanged(@EventTopic(Topics.MONITORING_STATE_CHANGED) Event event) {
        if (!disposed && root != null) {
            // the decision is written in the same batch as the state: give the writer a moment
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    root.getDisplay().timerExec(1000, this::refresh);
                }
            });
        }
    }

    /** Reads the log of the chosen period in the background. */
    void refresh() {
        if (monitoring == null || disposed || root.isDisposed()) {
            return;
        }
        if (pending != null && pending.getState() != Job.NONE) {
            return;
        }
        Instant now = Instant.now();
        Instant from = switch (period.getSelectionIndex()) {
            case 0 -> now.minus(1, ChronoUnit.HOURS);
            case 2 -> now.minus(7, ChronoUnit.DAYS);
            case 3 -> now.minus(30, ChronoUnit.DAYS);
            default -> now.minus(1, ChronoUnit.DAYS);
        };
        Monitoring m = monitoring;
        pending = Background.run(ui, "Reading the alert log", false,
                () -> m.alerts(principal, from, now.plusSeconds(1), LIMIT), (List<AlertRecord> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        message.info(rows.size() + (rows.size() == LIMIT ? "+ alerts (narrow the period)" : " alerts")
                                + " in the " + PERIODS[Math.max(0, period.getSelectionIndex())]
                                + ", before the outcome and text filters");
                    }
                }, e -> message.error(Background.message(e)));
    }
}
