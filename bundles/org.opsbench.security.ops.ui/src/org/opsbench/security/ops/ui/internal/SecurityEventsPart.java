package org.opsbench.security.ops.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Security events: failed-login bursts, changed host keys, unapproved ports, rule drift, findings; newest first. */
public class SecurityEventsPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    SecurityOperations ops;

    private Composite root;
    private MessageLine message;
    private TableSupport<SecuritySignal> table;
    private volatile boolean disposed;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Buttons.push(parent, "Refresh", "secops.events.refresh", this::refresh);
        message = new MessageLine(parent, "secops.events.message");
        table = new TableSupport<>(parent, "secops.events");
        table.column("Time", 130, s -> Texts.time(s.at()), Comparator.comparing(SecuritySignal::at))
                .column("Kind", 150, s -> s.kind().name()).column("Host", 140, SecuritySignal::host)
                .column("Count", 50, s -> Integer.toString(s.count()), Comparator.comparingInt(SecuritySignal::count))
                .column("Summary", 600, SecuritySignal::summary);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        table.sortBy(0);
        if (ops == null) {
            message.error("The security operations service (bundle org.opsbench.security.ops) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    /** Any security event: read the signals again. */
    @Inject
    @Optional
    void securityEvent(@EventTopic("org/opsbench/security/*") Event event) {
        if (!disposed && root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    void refresh() {
        if (ops == null || disposed || root.isDisposed()) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Reading security events", false, () -> s.signals(principal, 500),
                (List<SecuritySignal> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        message.info(rows.size() + " security events");
                    }
                }, e -> message.error(Background.message(e)));
    }
}
