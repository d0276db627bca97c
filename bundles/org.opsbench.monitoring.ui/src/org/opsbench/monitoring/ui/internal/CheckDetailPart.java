package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.MetricHistory;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.opsbench.workbench.widgets.TimeSeriesChart;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One host or check: its status, the chart of its metrics over a chosen window (fetched in a Job at the resolution the
 * metric store picks for the plot's width, with the check's thresholds drawn), and its state history. Shows what the
 * status board opens (Details), and follows the board's selection while visible.
 */
public class CheckDetailPart {

    /** Milliseconds between two refreshes of what is shown. */
    static final int REFRESH_MS = 30_000;
    static final int HISTORY_LIMIT = 500;
    static final String ALL_METRICS = "All metrics";

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    Monitoring monitoring;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    MonitoringAdmin admin;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    // the latest range asked for: an older fetch that answers late must not replace its data
    private final AtomicLong latestFetch = new AtomicLong();
    private Composite root;
    private Combo metricChoice;
    private MessageLine message;
    private StatusBlock status;
    private TimeSeriesChart chart;
    private TableSupport<StateHistoryEntry> history;
    private Actions actions;
    private volatile CheckKey key;
    private List<MetricHistory> metrics = List.of();
    private List<TimeSeriesChart.Threshold> thresholds = List.of();
    private String thresholdMetric;
    private volatile boolean disposed;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(8, false));
        Buttons.push(bar, "Run now", "detail.run", () -> withKey(k -> actions.runNow(List.of(k))));
        Buttons.push(bar, "Acknowledge…", "detail.ack", () -> withRow(r -> actions.acknowledge(root.getShell(),
                List.of(r))));
        Buttons.push(bar, "Remove acknowledgement", "detail.unack",
                () -> withRow(r -> actions.removeAcknowledgement(List.of(r))));
        Buttons.push(bar, "Schedule downtime…", "detail.downtime",
                () -> withKey(k -> actions.scheduleDowntime(root.getShell(), List.of(k))));
        Buttons.push(bar, "Refresh", "detail.refresh", this::reload);
        new Label(bar, SWT.NONE).setText("  Metric:");
        metricChoice = new Combo(bar, SWT.READ_ONLY);
        metricChoice.setItems(ALL_METRICS);
        metricChoice.select(0);
        metricChoice.setLayoutData(new GridData(140, SWT.DEFAULT));
        metricChoice.setData(WorkbenchIds.WIDGET_ID, "detail.metric");
        metricChoice.addListener(SWT.Selection, e -> showMetrics());
        message = new MessageLine(parent, "detail.message");
        actions = new Actions(ui, () -> principal, () -> monitoring, message, this::reload);

        status = new StatusBlock(parent);
        status.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite chartArea = new Composite(sash, SWT.NONE);
        GridLayout cl = new GridLayout(1, false);
        cl.marginWidth = 0;
        cl.marginHeight = 0;
        chartArea.setLayout(cl);
        chart = new TimeSeriesChart(chartArea, "detail.chart");
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.setMessage("Select a host or check");
        chart.addRangeListener(this::fetchMetrics);
        history = new TableSupport<>(sash, "detail.history");
        history.column("Time", 140, e -> Durations.time(e.time()), Comparator.comparing(StateHistoryEntry::time))
                .column("From", 90, e -> e.oldState() == null ? "" : e.oldState())
                .column("To", 90, StateHistoryEntry::newState)
                .column("Type", 60, e -> e.stateType() == null ? "" : e.stateType().name())
                .column("Output", 520, StateHistoryEntry::output);
        history.colors(2, e -> StateColors.background(BoardState.named(e.newState()), soft(e)),
                e -> StateColors.foreground(BoardState.named(e.newState()), soft(e)));
        history.sortBy(0);
        history.sortBy(0); // newest first
        sash.setWeights(70, 30);
        if (monitoring == null) {
            message.error("The monitoring service (bundle org.opsbench.monitoring) is not running.");
        }
        parent.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    private static boolean soft(StateHistoryEntry e) {
        return e.stateType() == org.opsbench.monitoring.StateType.SOFT
                && BoardState.named(e.newState()).isProblem();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    /** Follows the status board's selection while this view is visible. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void follow(@Named(IServiceConstants.ACTIVE_SELECTION) CheckKey selected) {
        if (selected != null && root != null && !root.isDisposed() && root.isVisible()
                && !selected.equals(key)) {
            show(selected);
        }
    }

    /** A state change of what is shown: read it again. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void stateChanged(@EventTopic(Topics.MONITORING_STATE_CHANGED) Event event) {
        CheckKey k = key;
        if (k != null && k.toString().equals(event.getProperty(EventProperties.CI_NAME))) {
            ui.asyncExec(this::reload);
        }
    }

    /** Shows {@code shown}: status, history and chart, read in the background. */
    public void show(CheckKey shown) {
        key = shown;
        metrics = List.of();
        thresholds = List.of();
        thresholdMetric = null;
        metricChoice.setItems(ALL_METRICS);
        metricChoice.select(0);
        chart.setSeries(List.of());
        chart.setThresholds(List.of());
        chart.setCaption("");
        chart.setMessage("Loading…");
        status.clear(shown.toString());
        history.setRows(List.of());
        reload();
    }

    /** The host or check shown, or null. */
    public CheckKey key() {
        return key;
    }

    /** The chart, for tests. */
    public TimeSeriesChart chart() {
        return chart;
    }

    /** How many metric fetches completed (for tests: the chart was given data for its window). */
    public long fetches() {
        return fetches.get();
    }

    private void tick() {
        if (disposed || root.isDisposed()) {
            return;
        }
        if (key != null && root.isVisible()) {
            reload();
        }
        root.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    private record Snapshot(BoardRow row, Instant nextCheck, double percent, List<Metric> metrics,
            List<StateHistoryEntry> history, CheckDefinition.Thresholds thresholds) {
    }

    /** Reads status and history, then the chart's window. */
    void reload() {
        CheckKey k = key;
        Monitoring m = monitoring;
        if (k == null || m == null || disposed) {
            return;
        }
        long gen = generation.incrementAndGet();
        MonitoringAdmin a = admin;
        Background.run(ui, "Reading " + k, false, () -> {
            Instant now = Instant.now();
            List<StateHistoryEntry> entries = m.history(principal, k, now.minus(30, ChronoUnit.DAYS),
                    now.plusSeconds(1), HISTORY_LIMIT);
            if (k.isHost()) {
                Optional<HostStatus> h = m.hosts(principal).stream().filter(s -> s.name().equals(k.host()))
                        .findFirst();
                return h.map(s -> new Snapshot(BoardRow.of(s), null, 0, List.of(), entries, null)).orElse(null);
            }
            Optional<CheckStatus> c = m.checks(principal, k.host()).stream().filter(s -> s.key().equals(k))
                    .findFirst();
            CheckDefinition.Thresholds limits = a == null
                    ? null
                    : a.checks(principal, k.host()).stream().filter(d -> d.key().equals(k)).findFirst()
                            .map(CheckDefinition::thresholds).orElse(null);
            return c.map(s -> new Snapshot(BoardRow.of(s), s.nextCheck(), s.percentStateChange(), s.metrics(),
                    entries, limits)).orElse(null);
        }, (Snapshot s) -> {
            if (root.isDisposed() || gen != generation.get()) {
                return;
            }
            if (s == null) {
                status.clear(k + " no longer exists");
                chart.setMessage("No such host or check");
                return;
            }
            status.show(s.row(), s.nextCheck(), s.percent(), s.metrics());
            history.setRows(s.history());
            thresholds = MetricSeries.thresholds(s.thresholds());
            thresholdMetric = s.thresholds() == null ? null : s.thresholds().metric();
            chart.follow();
        }, e -> message.error(Background.message(e)));
    }

    private void fetchMetrics(long from, long to) {
        CheckKey k = key;
        Monitoring m = monitoring;
        if (k == null || m == null) {
            return;
        }
        int maxPoints = chart.maxPoints();
        long gen = generation.get();
        long fetch = latestFetch.incrementAndGet();
        Background.run(ui, "Reading the metrics of " + k, false,
                () -> m.metrics(principal, k, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), maxPoints),
                (List<MetricHistory> result) -> {
                    if (root.isDisposed() || !k.equals(key) || gen > generation.get() || fetch != latestFetch.get()) {
                        return;
                    }
                    metrics = result;
                    List<String> names = new ArrayList<>();
                    names.add(ALL_METRICS);
                    result.forEach(h -> names.add(h.metric()));
                    if (!names.equals(List.of(metricChoice.getItems()))) {
                        String current = metricChoice.getText();
                        metricChoice.setItems(names.toArray(String[]::new));
                        metricChoice.select(Math.max(0, names.indexOf(current)));
                    }
                    showMetrics();
                    fetches.incrementAndGet();
                }, e -> {
                    if (fetch == latestFetch.get()) {
                        chart.setSeries(List.of());
                        chart.setMessage(Background.message(e));
                    }
                });
    }

    private void showMetrics() {
        String choice = metricChoice.getText();
        String only = ALL_METRICS.equals(choice) || choice.isEmpty() ? null : choice;
        List<TimeSeriesChart.Series> series = MetricSeries.series(metrics, only);
        chart.setSeries(series);
        boolean thresholdShown = thresholdMetric != null
                && series.stream().anyMatch(s -> s.name().equals(thresholdMetric));
        chart.setThresholds(thresholdShown ? thresholds : List.of());
        chart.setCaption(MetricSeries.caption(metrics, only));
        chart.setMessage(metrics.isEmpty() ? "No metrics recorded for " + key + " in this range" : "");
    }

    private void withKey(java.util.function.Consumer<CheckKey> action) {
        if (key == null) {
            message.error("Select a host or check first.");
        } else {
            action.accept(key);
        }
    }

    private void withRow(java.util.function.Consumer<BoardRow> action) {
        if (status.row() == null) {
            message.error("Select a host or check first.");
        } else {
            action.accept(status.row());
        }
    }
}
