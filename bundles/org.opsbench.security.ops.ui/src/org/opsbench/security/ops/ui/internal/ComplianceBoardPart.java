package org.opsbench.security.ops.ui.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.security.ops.ComplianceDay;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PortAudit;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.opsbench.workbench.widgets.TimeSeriesChart;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The compliance board: one row a host with its patch status (pending and security updates, reboot, policy), open
 * findings by severity and unapproved ports; the share of compliant hosts per day as a chart; scans as Jobs.
 */
public class ComplianceBoardPart {

    /** One host's row. */
    record Row(String host, PatchStatus patch, long critical, long high, long other, int unapproved) {
        boolean compliant() {
            return patch != null && patch.compliant();
        }
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
    private TimeSeriesChart chart;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        Buttons.push(bar, "Check patches", "secops.board.patches", () -> scan("patches"));
        Buttons.push(bar, "Scan packages", "secops.board.packages", () -> scan("packages"));
        Buttons.push(bar, "Audit ports", "secops.board.ports", () -> scan("ports"));
        Buttons.push(bar, "Refresh", "secops.board.refresh", this::refresh);
        message = new MessageLine(parent, "secops.board.message");
        table = new TableSupport<>(parent, "secops.board");
        table.column("Host", 120, Row::host)
                .column("Patch policy", 100, r -> r.patch() == null
                        ? "not checked"
                        : !r.patch().error().isEmpty()
                                ? "check failed"
                                : r.compliant() ? "COMPLIANT" : "NOT COMPLIANT")
                .column("Pending", 70, r -> r.patch() == null ? "" : Integer.toString(r.patch().pending().size()),
                        Comparator.comparingInt(r -> r.patch() == null ? -1 : r.patch().pending().size()))
                .column("Security", 70, r -> r.patch() == null ? "" : Integer.toString(r.patch().security()),
                        Comparator.comparingInt(r -> r.patch() == null ? -1 : r.patch().security()))
                .column("Oldest security since", 130, r -> r.patch() == null
                        ? ""
                        : Texts.time(r.patch().oldestSecuritySince()))
                .column("Reboot", 58, r -> r.patch() == null ? "" : r.patch().rebootRequired() ? "required" : "no")
                .column("Last update", 115, r -> r.patch() == null ? "" : Texts.time(r.patch().lastUpdate()))
                .column("Critical", 60, r -> Long.toString(r.critical()), Comparator.comparingLong(Row::critical))
                .column("High", 50, r -> Long.toString(r.high()), Comparator.comparingLong(Row::high))
                .column("Other", 50, r -> Long.toString(r.other()), Comparator.comparingLong(Row::other))
                .column("Unapproved ports", 105, r -> r.unapproved() < 0 ? "not audited" : "" + r.unapproved())
                .column("Checked", 115, r -> r.patch() == null ? "" : Texts.time(r.patch().checked()));
        table.colors(1, r -> r.patch() == null ? null : Texts.good(r.compliant() && r.patch().error().isEmpty()),
                r -> null);
        table.colors(7, r -> r.critical() > 0 ? Texts.risk(RiskLevel.CRITICAL) : null, r -> null);
        table.colors(8, r -> r.high() > 0 ? Texts.risk(RiskLevel.HIGH) : null, r -> null);
        table.colors(10, r -> r.unapproved() > 0 ? Texts.good(false) : null, r -> null);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        table.control().setLayoutData(td);
        chart = new TimeSeriesChart(parent, "secops.board.trend");
        GridData cd = new GridData(SWT.FILL, SWT.FILL, true, false);
        cd.heightHint = 180;
        chart.control().setLayoutData(cd);
        chart.setCaption("Patch-compliant hosts per day (%)");
        chart.setPreset(java.time.Duration.ofDays(30));
        if (ops == null) {
            message.error("The security operations service (bundle org.opsbench.security.ops) is not running.");
        }
        refresh();
    }

    record Board(List<Row> rows, List<ComplianceDay> trend) {
    }

    void refresh() {
        if (ops == null || root.isDisposed()) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Reading the compliance board", false, () -> board(s), (Board b) -> {
            if (root.isDisposed()) {
                return;
            }
            table.setRows(b.rows());
            List<TimeSeriesChart.Point> points = new ArrayList<>();
            for (ComplianceDay d : b.trend()) {
                points.add(TimeSeriesChart.Point.of(d.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                        d.percent()));
            }
            chart.setSeries(List.of(new TimeSeriesChart.Series("compliant hosts", "%", points)));
            long compliant = b.rows().stream().filter(Row::compliant).count();
            long checked = b.rows().stream().filter(r -> r.patch() != null).count();
            message.info(b.rows().size() + " hosts, " + compliant + " of " + checked + " checked comply with the "
                    + "patch policy; " + b.rows().stream().mapToLong(Row::critical).sum() + " open critical findings");
        }, e -> message.error(Background.message(e)));
    }

    private Board board(SecurityOperations s) {
        Map<String, PatchStatus> patches = new HashMap<>();
        s.patchStatus(principal).forEach(p -> patches.put(p.host(), p));
        Map<String, Integer> ports = new HashMap<>();
        for (PortAudit a : s.portAudits(principal)) {
            ports.put(a.host(), (int) a.unapproved().stream().map(p -> p.key()).distinct().count());
        }
        List<Finding> findings = s.findings(principal).stream().filter(f -> f.status() == FindingStatus.OPEN)
                .toList();
        List<Row> rows = new ArrayList<>();
        for (ManagedHost h : s.hosts(principal)) {
            List<Finding> mine = findings.stream().filter(f -> f.host().equals(h.name())).toList();
            long critical = mine.stream().filter(f -> f.risk() == RiskLevel.CRITICAL).count();
            long high = mine.stream().filter(f -> f.risk() == RiskLevel.HIGH).count();
            rows.add(new Row(h.name(), patches.get(h.name()), critical, high, mine.size() - critical - high,
                    ports.getOrDefault(h.name(), -1)));
        }
        return new Board(rows, s.complianceTrend(principal, 30));
    }

    private void scan(String what) {
        Object first = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        if (!(first instanceof Row row) || ops == null) {
            message.error("Select a host first.");
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Scanning " + row.host() + " (" + what + ")", true, () -> switch (what) {
            case "patches" -> s.checkPatches(principal, row.host()).toString();
            case "packages" -> s.scanPackages(principal, row.host()).toString();
            default -> s.auditPorts(principal, row.host()).toString();
        }, done -> {
            message.info("Scanned " + row.host() + " (" + what + ")");
            refresh();
        }, e -> message.error(Background.message(e)));
    }
}
