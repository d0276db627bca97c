package org.opsbench.backup.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.opsbench.backup.Backup;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.ObjectiveStatus.State;
import org.opsbench.core.Principal;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The RPO/RTO board: each protected item against its objectives, worst first. */
public class ObjectivesPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Backup backup;

    private MessageLine message;
    private TableSupport<ObjectiveStatus> table;
    private ViewReads reads;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Buttons.push(parent, "Refresh", "objectives.refresh", this::refresh);
        message = new MessageLine(parent, "objectives.message");
        reads = new ViewReads(ui, parent, message);
        table = new TableSupport<>(parent, "objectives");
        table.column("State", 90, s -> s.state().name(), Comparator.comparing(ObjectiveStatus::state))
                .column("Item", 160, s -> s.objective().ci().name())
                .column("Type", 70, s -> s.objective().ci().type())
                .column("Job", 150, s -> s.objective().job())
                .column("RPO", 80, s -> Texts.duration(s.objective().rpo()))
                .column("Backup age", 130,
                        s -> s.backupAge() == null ? "no verified backup" : Texts.duration(s.backupAge()))
                .column("RPO state", 90, s -> s.rpoState().name())
                .column("RTO", 80, s -> Texts.duration(s.objective().rto()))
                .column("Last drill", 100, s -> s.lastDrill() == null ? "none passed" : Texts.duration(s.lastDrill()))
                .column("RTO state", 90, s -> s.rtoState().name())
                .column("Last verified backup", 150, s -> Texts.time(s.lastGoodBackup()));
        table.colors(0, s -> color(s.state()), s -> null);
        table.colors(6, s -> color(s.rpoState()), s -> null);
        table.colors(9, s -> color(s.rtoState()), s -> null);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        table.sortBy(0); // breached first
        if (backup == null) {
            message.error("The backup service (bundle org.opsbench.backup) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        if (reads != null) {
            reads.dispose();
        }
    }

    static Color color(State s) {
        Display d = Display.getCurrent();
        return switch (s) {
            case PROTECTED -> new Color(d, 0xc8, 0xe6, 0xc9);
            case AT_RISK -> new Color(d, 0xff, 0xec, 0xb3);
            case BREACHED -> new Color(d, 0xff, 0xcd, 0xd2);
        };
    }

    /** A backup event: read the board again. */
    @Inject
    @Optional
    void backupEvent(@EventTopic("org/opsbench/backup/*") Event event) {
        if (reads != null) {
            reads.refreshLater(this::refresh);
        }
    }

    void refresh() {
        if (backup == null) {
            return;
        }
        Backup b = backup;
        reads.read("Reading recovery objectives", () -> b.status(principal), (List<ObjectiveStatus> rows) -> {
            table.setRows(rows);
            long breached = rows.stream().filter(s -> s.state() == State.BREACHED).count();
            long risk = rows.stream().filter(s -> s.state() == State.AT_RISK).count();
            message.info((rows.size() - breached - risk) + " protected, " + risk + " at risk, " + breached
                    + " breached");
        });
    }
}
