package org.opsbench.security.ops.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.security.ops.ListeningPort;
import org.opsbench.security.ops.PortAudit;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Listening ports per host at the last audit, approved or not, with the firewall state; approve for the host. */
public class PortAuditPart {

    /** One listening socket of a host. */
    record Row(PortAudit audit, ListeningPort port, boolean approved) {
    }

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
    private TableSupport<Row> table;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        Buttons.push(bar, "Approve for host", "secops.ports.approve", this::approve);
        Buttons.push(bar, "Accept ruleset", "secops.ports.ruleset", this::acceptRuleset);
        Buttons.push(bar, "Refresh", "secops.ports.refresh", this::refresh);
        message = new MessageLine(parent, "secops.ports.message");
        table = new TableSupport<>(parent, "secops.ports");
        table.column("Host", 140, r -> r.audit().host())
                .column("State", 100, r -> r.approved() ? "approved" : "UNAPPROVED")
                .column("Protocol", 60, r -> r.port().protocol())
                .column("Port", 60, r -> Integer.toString(r.port().port()),
                        Comparator.comparingInt(r -> r.port().port()))
                .column("Address", 140, r -> r.port().address())
                .column("Firewall", 260, r -> r.audit().firewall())
                .column("Rule drift", 120, r -> r.audit().ruleDrift().isEmpty()
                        ? "none"
                        : r.audit().ruleDrift().size() + " lines")
                .column("Audited", 130, r -> Texts.time(r.audit().checked()));
        table.colors(1, r -> Texts.good(r.approved()), r -> null);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(1);
        if (ops == null) {
            message.error("The security operations service (bundle org.opsbench.security.ops) is not running.");
        }
        refresh();
    }

    void refresh() {
        if (ops == null || root.isDisposed()) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Reading port audits", false, () -> {
            List<Row> rows = new ArrayList<>();
            for (PortAudit a : s.portAudits(principal)) {
                for (ListeningPort p : a.listening()) {
                    rows.add(new Row(a, p, !a.unapproved().contains(p)));
                }
            }
            return rows;
        }, (List<Row> rows) -> {
            if (!root.isDisposed()) {
                table.setRows(rows);
                message.info(rows.size() + " listening sockets, " + rows.stream().filter(r -> !r.approved()).count()
                        + " unapproved");
            }
        }, e -> message.error(Background.message(e)));
    }

    private Row selected() {
        Object first = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        if (first == null) {
            message.error("Select a port first.");
        }
        return (Row) first;
    }

    private void approve() {
        Row r = selected();
        if (r == null || ops == null) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Approving " + r.port().key(), true, () -> {
            s.approvePort(principal, "host:" + r.audit().host(), r.port().protocol(), r.port().port());
            return r;
        }, done -> refresh(), e -> message.error(Background.message(e)));
    }

    private void acceptRuleset() {
        Row r = selected();
        if (r == null || ops == null) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Accepting the ruleset of " + r.audit().host(), true, () -> {
            s.acceptRuleset(principal, r.audit().host());
            return r;
        }, done -> refresh(), e -> message.error(Background.message(e)));
    }
}
