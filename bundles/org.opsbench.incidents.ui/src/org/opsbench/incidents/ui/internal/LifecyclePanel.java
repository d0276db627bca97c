package org.opsbench.incidents.ui.internal;

import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;

/**
 * The lifecycle group of the ticket editor: reason and resolution code, a button for exactly each legal transition, and
 * the link to a problem.
 */
final class LifecyclePanel {

    private final TicketEditorPart editor;
    private final Group move;
    private final Composite transitions;
    private final Text reason;
    private final Text resolutionCode;
    private final Text problem;

    LifecyclePanel(Composite parent, TicketEditorPart editor) {
        this.editor = editor;
        move = new Group(parent, SWT.NONE);
        move.setText("Lifecycle");
        move.setLayout(new GridLayout(2, false));
        move.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        reason = field(move, "Reason / notes", "reason");
        editor.errors.put("notes", editor.errors.get("reason"));
        resolutionCode = field(move, "Resolution code", "resolutionCode");
        transitions = new Composite(move, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        transitions.setLayout(row);
        GridData td = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        td.widthHint = 240;
        transitions.setLayoutData(td);
        Label stateError = new Label(move, SWT.WRAP);
        stateError.setForeground(move.getDisplay().getSystemColor(SWT.COLOR_RED));
        stateError.setData(WorkbenchIds.WIDGET_ID, "ticket.error.state");
        GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        sd.widthHint = 240;
        stateError.setLayoutData(sd);
        editor.errors.put("state", stateError);
        problem = field(move, "Problem", "problem");
        new Label(move, SWT.NONE);
        Buttons.push(move, "Link problem", "ticket.link", this::linkProblem);

    }

    /** Empty, for a new ticket. */
    void clear() {
        reason.setText("");
        resolutionCode.setText("");
        problem.setText("");
        rebuild(Set.of());
    }

    /** The ticket's problem and the transitions legal from its state. */
    void show(Ticket t, Set<TicketState> next) {
        problem.setText(t.problem() == null ? "" : t.problem());
        rebuild(next);
    }

    private Text field(Composite move, String label, String field) {
        new Label(move, SWT.NONE).setText(label + ":");
        Text t = new Text(move, SWT.BORDER);
        t.setData(WorkbenchIds.WIDGET_ID, "ticket." + field);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 130;
        t.setLayoutData(d);
        Label error = new Label(move, SWT.WRAP);
        error.setForeground(move.getDisplay().getSystemColor(SWT.COLOR_RED));
        error.setData(WorkbenchIds.WIDGET_ID, "ticket.error." + field);
        GridData e = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        e.widthHint = 240;
        error.setLayoutData(e);
        editor.errors.put(field, error);
        return t;
    }

    private void rebuild(Set<TicketState> next) {
        for (Control c : transitions.getChildren()) {
            c.dispose();
        }
        if (next.isEmpty()) {
            Label none = new Label(transitions, SWT.NONE);
            none.setText(editor.reference() == null ? "Save the ticket first." : "No further transitions.");
        }
        for (TicketState s : TicketState.values()) {
            if (next.contains(s)) {
                Button b = Buttons.push(transitions, label(s), "ticket.to." + s.name(), () -> move(s));
                b.setToolTipText("Move to " + s.label());
            }
        }
        editor.relayout();
    }

    private static String label(TicketState s) {
        return switch (s) {
            case IN_PROGRESS -> "Start work";
            case PENDING -> "Pending";
            case RESOLVED -> "Resolve";
            case CLOSED -> "Close";
            case CANCELLED -> "Cancel";
            case ASSIGNED -> "Assigned";
            case NEW -> "New";
        };
    }

    private void move(TicketState target) {
        editor.clearErrors();
        String ref = editor.reference();
        String why = reason.getText();
        TransitionRequest r = target == TicketState.RESOLVED
                ? TransitionRequest.resolved(resolutionCode.getText(), why)
                : new TransitionRequest(target, why, "", "");
        Background.run(editor.ui, "Moving " + ref + " to " + target.label(), true,
                () -> editor.incidents.transition(editor.principal, ref, r), t -> {
                    editor.message().info(t.reference() + " is " + t.state().label());
                    reason.setText("");
                    resolutionCode.setText("");
                    editor.open(t.reference());
                }, editor::failed);
    }

    private void linkProblem() {
        if (editor.reference() == null || editor.problems == null) {
            return;
        }
        String ref = editor.reference();
        String prb = problem.getText();
        Background.run(editor.ui, "Linking " + ref + " to " + prb, true, () -> {
            editor.problems.link(editor.principal, prb, ref);
            return ref;
        }, editor::open, editor::failed);
    }
}
