package org.opsbench.workbench.internal.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The OSGi log of this process, newest first, with filtering and sorting. */
public class LogPart {

    /** Entries kept in the view. */
    static final int CAPACITY = 2000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** One row: time, level, source bundle, message. */
    record Row(long time, String level, String source, String message) {
    }

    @Inject
    UISynchronize ui;

    @Inject
    @Optional
    @Service
    LogReaderService reader;

    private final Deque<Row> rows = new ArrayDeque<>();
    private final LogListener listener = this::logged;
    private TableSupport<Row> table;
    private volatile boolean refreshQueued;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new TableSupport<>(parent, "log");
        table.column("Time", 100, r -> TIME.format(Instant.ofEpochMilli(r.time())),
                Comparator.comparingLong(Row::time)).column("Level", 70, Row::level)
                .column("Source", 220, Row::source).column("Message", 700, Row::message);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        if (reader != null) {
            List<LogEntry> past = Collections.list(reader.getLog());
            Collections.reverse(past);
            past.forEach(this::add);
            reader.addLogListener(listener);
        }
        table.sortBy(0);
        table.sortBy(0); // newest first
        refresh();
    }

    @PreDestroy
    void dispose() {
        if (reader != null) {
            reader.removeLogListener(listener);
        }
    }

    private void logged(LogEntry entry) {
        if (isFrameworkChatter(entry)) {
            return;
        }
        add(entry);
        if (!refreshQueued) {
            refreshQueued = true;
            ui.asyncExec(this::refresh);
        }
    }

    private synchronized void add(LogEntry e) {
        if (isFrameworkChatter(e)) {
            return;
        }
        String message = e.getMessage();
        if (e.getException() != null) {
            message = message + " (" + e.getException() + ")";
        }
        rows.addFirst(new Row(e.getTime(), e.getLogLevel().name(), e.getBundle().getSymbolicName(), message));
        while (rows.size() > CAPACITY) {
            rows.removeLast();
        }
    }

    /** Equinox logs every bundle and service event at INFO: noise for an operator unless it is a problem. */
    static boolean isFrameworkChatter(LogEntry e) {
        return e.getLoggerName() != null && e.getLoggerName().startsWith("Events.")
                && !LogLevel.WARN.implies(e.getLogLevel());
    }

    private void refresh() {
        refreshQueued = false;
        if (table.viewer().getTable().isDisposed()) {
            return;
        }
        List<Row> copy;
        synchronized (this) {
            copy = new ArrayList<>(rows);
        }
        table.setRows(copy);
    }
}
