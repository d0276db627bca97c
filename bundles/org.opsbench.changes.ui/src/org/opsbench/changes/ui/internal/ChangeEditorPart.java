package org.opsbench.changes.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.HistoryEntry;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One change: its fields (editable in DRAFT), its risk with the reasons, approvals and history, and one button for each
 * move the workflow and the user's permissions allow now (and approve/reject while the board decides). Every call runs
 * as a Job; refusals show in the message line naming the field or the allowed moves.
 */
public class ChangeEditorPart {

    /** The selection value for a new change. */
    public static final String NEW = "(new)";

    @Inject
    UISynchronize ui;
    @Inject
    Principal principal;
    @Inject
    MApplication app;
    @Inject
    @Optional
    @Service
    Changes changes;

    private Composite root;
    private Label header;
    private Combo type;
    private Text title;
    private Text reason;
    private Text items;
    private Text start;
    private Text end;
    private Text steps;
    private Text rollback;
    private Text testPlan;
    private Text implementer;
    private Text comment;
    private Text risk;
    private Text history;
    private Composite workflow;
    private MessageLine message;
    private ChangeRequest shown;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.NONE);
        header.setData(WorkbenchIds.WIDGET_ID, "editor.header");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        header.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        buttons.setLayout(new GridLayout(4, false));
        Buttons.push(buttons, "Save", "editor.save", this::save);
        new Label(buttons, SWT.NONE).setText("Comment:");
        comment = new Text(buttons, SWT.BORDER);
        comment.setData(WorkbenchIds.WIDGET_ID, "editor.comment");
        comment.setMessage("for moves and decisions");
        comment.setLayoutData(new GridData(220, SWT.DEFAULT));
        workflow = new Composite(buttons, SWT.NONE);
        workflow.setLayout(new RowLayout());
        workflow.setData(WorkbenchIds.WIDGET_ID, "editor.workflow");
        message = new MessageLine(parent, "editor.message");
        org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        org.eclipse.swt.custom.ScrolledComposite scroll = new org.eclipse.swt.custom.ScrolledComposite(sash,
                SWT.V_SCROLL);
        Composite form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        type = new Combo(labelled(form, "Type"), SWT.READ_ONLY);
        type.setItems(Arrays.stream(ChangeType.values()).map(Enum::name).toArray(String[]::new));
        type.select(1);
        type.setData(WorkbenchIds.WIDGET_ID, "editor.type");
        title = text(form, "Title", "editor.title", SWT.SINGLE, 1);
        reason = text(form, "Reason", "editor.reason", SWT.SINGLE, 1);
        items = text(form, "Items (ID or ID|TYPE|NAME)", "editor.items", SWT.MULTI | SWT.V_SCROLL, 2);
        start = text(form, "Planned start", "editor.start", SWT.SINGLE, 1);
        end = text(form, "Planned end", "editor.end", SWT.SINGLE, 1);
        steps = text(form, "Steps (a command a line)", "editor.steps", SWT.MULTI | SWT.V_SCROLL, 3);
        rollback = text(form, "Rollback steps", "editor.rollback", SWT.MULTI | SWT.V_SCROLL, 2);
        testPlan = text(form, "Test plan", "editor.test", SWT.SINGLE, 1);
        implementer = text(form, "Implementer", "editor.implementer", SWT.SINGLE, 1);
        scroll.setContent(form);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(form.computeSize(scroll.getClientArea().width,
                SWT.DEFAULT)));
        Composite side = new Composite(sash, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        new Label(side, SWT.NONE).setText("Risk:");
        risk = new Text(side, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        risk.setData(WorkbenchIds.WIDGET_ID, "editor.risk");
        GridData riskData = new GridData(SWT.FILL, SWT.FILL, true, false);
        riskData.heightHint = risk.getLineHeight() * 5;
        risk.setLayoutData(riskData);
        new Label(side, SWT.NONE).setText("Approvals and history:");
        history = new Text(side, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        history.setData(WorkbenchIds.WIDGET_ID, "editor.history");
        history.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sash.setWeights(3, 2);
        if (changes == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        show(null);
        // chosen before this view existed: injection came before the controls
        if (app.getContext().get(ChangeViews.SELECTED) instanceof String ref && !NEW.equals(ref)) {
            load(ref);
        }
    }

    private static Composite labelled(Composite parent, String label) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label + ":");
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        return parent;
    }

    private static Text text(Composite parent, String label, String id, int style, int lines) {
        Text t = new Text(labelled(parent, label), SWT.BORDER | style);
        t.setData(WorkbenchIds.WIDGET_ID, id);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        if (lines > 1) {
            data.heightHint = t.getLineHeight() * lines;
        }
        t.setLayoutData(data);
        return t;
    }

    /** The change chosen in another view (or {@link #NEW}). */
    @Inject
    @Optional
    void selected(@Named(ChangeViews.SELECTED) String reference) {
        if (root == null || root.isDisposed() || reference == null) {
            return;
        }
        if (NEW.equals(reference)) {
            show(null);
            return;
        }
        load(reference);
    }

    void load(String reference) {
        Changes c = changes;
        if (c == null) {
            return;
        }
        Background.run(ui, "Reading " + reference, false, () -> new Loaded(c.find(principal, reference).orElse(null),
                c.allowedTransitions(principal, reference), c.history(principal, reference),
                c.assessRisk(principal, reference), c.quorum(c.find(principal, reference).orElseThrow().type())),
                this::show, e -> message.error(Background.message(e)));
    }

    record Loaded(ChangeRequest change, Set<ChangeState> next, List<HistoryEntry> history, RiskAssessment risk,
            int quorum) {
    }

    private void show(Loaded loaded) {
        if (root.isDisposed()) {
            return;
        }
        shown = loaded == null ? null : loaded.change();
        ChangeRequest c = shown;
        ChangeDraft d = c == null ? ChangeDraft.of(ChangeType.NORMAL, "", List.of()) : c.draft();
        header.setText(c == null
                ? "New change"
                : c.reference() + "  " + c.type() + "  " + c.state() + "  "
                        + c.title());
        type.select(d.type().ordinal());
        title.setText(d.title());
        reason.setText(d.reason());
        items.setText(String.join("\n", d.items().stream()
                .map(i -> i.id().equals(i.name()) && i.type().equals("host")
                        ? i.id()
                        : i.id() + "|" + i.type() + "|" + i.name())
                .toList()));
        start.setText(ChangeViews.time(d.plannedStart()));
        end.setText(ChangeViews.time(d.plannedEnd()));
        steps.setText(String.join("\n", d.steps()));
        rollback.setText(String.join("\n", d.rollbackSteps()));
        testPlan.setText(d.testPlan());
        implementer.setText(d.implementer());
        boolean editable = c == null || c.state() == ChangeState.DRAFT;
        for (Control t : List.of(type, title, reason, items, steps, rollback, testPlan, implementer)) {
            t.setEnabled(editable);
        }
        boolean windowEditable = c == null || c.state() == ChangeState.DRAFT || c.state() == ChangeState.APPROVED
                || c.state() == ChangeState.SUBMITTED;
        start.setEnabled(windowEditable);
        end.setEnabled(windowEditable);
        for (Control b : workflow.getChildren()) {
            b.dispose();
        }
        if (loaded != null) {
            for (ChangeState s : loaded.next()) {
                if (s == ChangeState.REJECTED && awaitingDecision(c)) {
                    // the board rejects with a reason: the Reject button below
                    continue;
                }
                Buttons.push(workflow, label(c, s), "editor.to." + s.name(), () -> move(s));
            }
            if (awaitingDecision(c)) {
                Buttons.push(workflow, "Approve", "editor.approve",
                        () -> run("Approving", () -> changes.approve(principal, c.reference(), comment.getText())));
                Buttons.push(workflow, "Reject", "editor.reject",
                        () -> run("Rejecting", () -> changes.reject(principal, c.reference(), comment.getText())));
            }
            RiskAssessment r = c.risk() != null ? c.risk() : loaded.risk();
            risk.setText(r.score() + " " + r.level() + (c.risk() == null ? " (not assessed yet)" : "") + "\n"
                    + String.join("\n", r.reasons()));
            StringBuilder h = new StringBuilder("Approvals: " + c.approvalCount() + " of " + loaded.quorum());
            c.approvals().forEach(a -> h.append("\n  ").append(a.approved() ? "approved by " : "rejected by ")
                    .append(a.approver()).append(a.afterImplementation() ? " (post-approval)" : "")
                    .append(a.comment().isEmpty() ? "" : ": " + a.comment()));
            for (HistoryEntry e : loaded.history()) {
                h.append("\n").append(ChangeViews.time(e.at())).append("  ")
                        .append(e.from() == null ? "" : e.from() + " -> ").append(e.to()).append("  ")
                        .append(e.principal()).append(e.comment().isEmpty() ? "" : "  " + e.comment());
            }
            history.setText(h.toString());
        } else {
            risk.setText("");
            history.setText("");
        }
        workflow.getParent().layout(true, true);
        root.layout(true, true);
    }

    private static boolean awaitingDecision(ChangeRequest c) {
        return switch (c.type()) {
            case NORMAL -> c.state() == ChangeState.ASSESSED;
            case EMERGENCY -> c.state() != ChangeState.DRAFT && c.state() != ChangeState.REJECTED
                    && c.state() != ChangeState.CLOSED && c.state() != ChangeState.APPROVED;
            case STANDARD -> false;
        };
    }

    /** What a move's button says. */
    static String label(ChangeRequest c, ChangeState to) {
        return switch (to) {
            case DRAFT -> "Back to draft";
            case SUBMITTED -> c.state() == ChangeState.SCHEDULED ? "Unschedule" : "Submit";
            case ASSESSED -> "Assess";
            case APPROVED -> c.state() == ChangeState.SCHEDULED
                    ? "Unschedule"
                    : c.type() == ChangeType.STANDARD ? "Submit (pre-approved)" : "Approve";
            case REJECTED -> "Reject";
            case SCHEDULED -> "Schedule";
            case IMPLEMENTING -> "Start implementation";
            case IMPLEMENTED -> "Implemented";
            case FAILED -> "Failed";
            case ROLLED_BACK -> "Rolled back";
            case REVIEWED -> "Reviewed";
            case CLOSED -> "Close";
        };
    }

    private void move(ChangeState to) {
        ChangeRequest c = shown;
        if (to == ChangeState.SCHEDULED) {
            var from = ChangeViews.parse("Planned start", start.getText());
            var until = ChangeViews.parse("Planned end", end.getText());
            run("Scheduling", () -> {
                var conflicts = changes.schedule(principal, c.reference(), from, until);
                return conflicts.isEmpty()
                        ? null
                        : "scheduled; conflicts with " + String.join(", ", conflicts.stream()
                                .map(x -> x.first().equals(c.reference()) ? x.second() : x.first()).toList());
            });
            return;
        }
        String why = comment.getText();
        run(label(c, to), () -> changes.transition(principal, c.reference(), to, why));
    }

    private void save() {
        ChangeDraft draft;
        try {
            draft = draft();
        } catch (IllegalArgumentException e) {
            message.error(e.getMessage());
            return;
        }
        ChangeRequest c = shown;
        run("Saving", () -> {
            ChangeRequest saved = c == null
                    ? changes.create(principal, draft)
                    : changes.update(principal, c.reference(), draft);
            ui.asyncExec(() -> ChangeViews.select(app, saved.reference()));
            return "saved " + saved.reference();
        });
    }

    ChangeDraft draft() {
        List<CiRef> refs = new ArrayList<>();
        for (String line : items.getText().split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] p = l.split("\\|");
            refs.add(p.length >= 3 ? new CiRef(p[0].strip(), p[1].strip(), p[2].strip()) : new CiRef(l, "host", l));
        }
        return new ChangeDraft(ChangeType.valueOf(type.getText()), title.getText(), reason.getText(), refs,
                ChangeViews.parse("plannedStart", start.getText()), ChangeViews.parse("plannedEnd", end.getText()),
                lines(steps.getText()), lines(rollback.getText()), testPlan.getText(), implementer.getText());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Runs a call as a Job; then shows its outcome and reads the change again. */
    private void run(String what, Callable<Object> call) {
        if (changes == null) {
            return;
        }
        Background.run(ui, what, true, call, result -> {
            if (root.isDisposed()) {
                return;
            }
            message.info(result instanceof String s
                    ? s
                    : result instanceof ChangeRequest c ? c.reference() + " is " + c.state() : what + ": done");
            if (shown != null) {
                load(shown.reference());
            }
        }, e -> message.error(Background.message(e)));
    }

    /** The change shown, for tests. */
    public ChangeRequest shown() {
        return shown;
    }
}
