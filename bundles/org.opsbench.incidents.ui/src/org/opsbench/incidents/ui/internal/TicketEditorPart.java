package org.opsbench.incidents.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.incidents.Attachment;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.Problems;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * One ticket: a form with the refusal of each field shown next to it, buttons for exactly the legal transitions, the
 * worklog, linked CIs and problem, known errors with their workaround, and knowledge-base articles suggested while the
 * title is typed. Service calls run as Jobs.
 */
public class TicketEditorPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Incidents incidents;

    @Inject
    @Optional
    @Service
    IncidentsAdmin admin;

    @Inject
    @Optional
    @Service
    KnowledgeBase knowledge;

    @Inject
    @Optional
    @Service
    Problems problems;

    @Inject
    @Optional
    @Service
    ConfigurationItems cmdb;

    private Composite root;
    private ScrolledComposite scroller;
    private Label header;
    private Combo kind;
    private Text title;
    private Text description;
    private Text caller;
    private Text category;
    private Text cis;
    private Combo impact;
    private Combo urgency;
    private Text group;
    private Text assignee;
    private Label priority;
    private ArticleSuggestions suggestions;
    private Label knownErrors;
    private LifecyclePanel lifecycle;
    private MessageLine message;
    private WorklogPanel worklog;
    private AttachmentsPanel attachments;
    final Map<String, Label> errors = new HashMap<>();
    private String reference;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite content = new Composite(scroller, SWT.NONE);
        scroller.setContent(content);
        root = content;
        content.setLayout(new GridLayout(2, false));
        parent = content;
        header = new Label(parent, SWT.NONE);
        header.setData(WorkbenchIds.WIDGET_ID, "ticket.header");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        message = new MessageLine(parent, "ticket.message");
        ((Control) message.control()).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Group form = new Group(parent, SWT.NONE);
        form.setText("Ticket");
        form.setLayout(new GridLayout(6, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        kind = new Combo(labelled(form, "Kind", "kind"), SWT.READ_ONLY);
        kind.setItems("Incident", "Service request");
        kind.select(0);
        place(kind, "ticket.kind", "kind", 1);
        caller = text(form, "Caller", "caller", SWT.BORDER, 1);
        title = text(form, "Title", "title", SWT.BORDER, 4);
        title.addListener(SWT.Modify, e -> suggestions.soon());
        description = text(form, "Description", "description", SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL, 4);
        ((GridData) description.getLayoutData()).heightHint = 45;
        category = text(form, "Category", "category", SWT.BORDER, 1);
        cis = text(form, "CIs (ids)", "cis", SWT.BORDER, 1);
        impact = new Combo(labelled(form, "Impact", "impact"), SWT.READ_ONLY);
        place(impact, "ticket.impact", "impact", 1);
        urgency = new Combo(labelled(form, "Urgency", "urgency"), SWT.READ_ONLY);
        place(urgency, "ticket.urgency", "urgency", 1);
        levels(3);
        impact.addListener(SWT.Selection, e -> showPriority());
        urgency.addListener(SWT.Selection, e -> showPriority());
        group = text(form, "Group", "group", SWT.BORDER, 1);
        assignee = text(form, "Assignee", "assignee", SWT.BORDER, 1);
        priority = new Label(labelled(form, "Priority", "priority"), SWT.NONE);
        place(priority, "ticket.priority", "priority", 1);
        Composite actions = new Composite(form, SWT.NONE);
        actions.setLayout(new GridLayout(4, false));
        actions.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 3, 1));
        Buttons.push(actions, "Save", "ticket.save", this::save);
        Buttons.push(actions, "Assign", "ticket.assign", this::assign);
        Buttons.push(actions, "New", "ticket.new", this::newTicket);
        Button pick = Buttons.push(actions, "CIs...", "ticket.pickCis", this::pickCis);
        pick.setEnabled(cmdb != null);
        pick.setToolTipText(cmdb != null ? "Pick configuration items from the CMDB" : "No CMDB: type the ids");
        knownErrors = new Label(form, SWT.WRAP);
        knownErrors.setData(WorkbenchIds.WIDGET_ID, "ticket.knownErrors");
        knownErrors.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
        knownErrors.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        suggestions = new ArticleSuggestions(form, this, () -> title.getText());

        lifecycle = new LifecyclePanel(parent, this);

        Composite side = new Composite(parent, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        side.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        worklog = new WorklogPanel(side, this);
        attachments = new AttachmentsPanel(side, this);
        if (incidents == null) {
            message.error("The incidents service (bundle org.opsbench.incidents) is not running.");
        } else if (admin != null) {
            Background.run(ui, "Reading the priority matrix", false, () -> admin.matrix(principal),
                    (PriorityMatrix m) -> {
                        if (!root.isDisposed() && reference == null) {
                            levels(m.size());
                        }
                    }, e -> {
                    });
        }
        newTicket();
        relayout();
    }

    private Composite labelled(Composite form, String label, String field) {
        new Label(form, SWT.NONE).setText(label + ":");
        return form;
    }

    private void place(Control c, String id, String field, int span) {
        c.setData(WorkbenchIds.WIDGET_ID, id);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        d.widthHint = 110;
        c.setLayoutData(d);
        Label error = new Label(c.getParent(), SWT.NONE);
        error.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_RED));
        error.setData(WorkbenchIds.WIDGET_ID, "ticket.error." + field);
        error.setLayoutData(new GridData(90, SWT.DEFAULT));
        errors.put(field, error);
    }

    private Text text(Composite form, String label, String field, int style, int span) {
        Text t = new Text(labelled(form, label, field), style);
        place(t, "ticket." + field, field, span);
        return t;
    }

    private void levels(int size) {
        if (impact.getItemCount() == size) {
            return;
        }
        String[] items = new String[size];
        for (int i = 0; i < size; i++) {
            items[i] = Integer.toString(i + 1) + (i == 0 ? " (highest)" : i == size - 1 ? " (lowest)" : "");
        }
        impact.setItems(items);
        urgency.setItems(items);
        impact.select(Math.min(size - 1, size / 2));
        urgency.select(Math.min(size - 1, size / 2));
        showPriority();
    }

    private void showPriority() {
        if (admin == null) {
            return;
        }
        int i = impact.getSelectionIndex() + 1;
        int u = urgency.getSelectionIndex() + 1;
        Background.run(ui, "Computing the priority", false, () -> admin.matrix(principal).priority(i, u),
                p -> {
                    if (!priority.isDisposed()) {
                        priority.setText(p.name() + " " + p.label());
                        priority.getParent().layout();
                    }
                }, e -> {
                });
    }

    void clearErrors() {
        errors.values().forEach(l -> l.setText(""));
    }

    void failed(Exception e) {
        if (root.isDisposed()) {
            return;
        }
        if (e instanceof InvalidTicketException invalid && errors.containsKey(invalid.field())) {
            Label l = errors.get(invalid.field());
            String text = Background.message(e);
            l.setText(text.startsWith(invalid.field() + ": ") ? text.substring(invalid.field().length() + 2) : text);
            l.setToolTipText(text);
            relayout();
            message.error("Not saved: " + text);
        } else {
            message.error(Background.message(e));
        }
    }

    /** An empty form for a new incident. */
    public void newTicket() {
        reference = null;
        clearErrors();
        header.setText("New ticket");
        for (Text t : List.of(title, description, caller, category, cis, group, assignee)) {
            t.setText("");
        }
        kind.select(0);
        kind.setEnabled(true);
        worklog.clear();
        attachments.clear();
        knownErrors.setText("");
        lifecycle.clear();
        title.setFocus();
    }

    /** Loads {@code ref} into the form. */
    public void open(String ref) {
        Incidents service = incidents;
        Background.run(ui, "Reading " + ref, false, () -> new Loaded(service.ticket(principal, ref).orElseThrow(
                () -> new IllegalArgumentException("no ticket " + ref)), service.transitions(principal, ref),
                service.worklog(principal, ref), service.attachments(principal, ref),
                service.knownErrorsFor(principal, ref)), this::show, this::failed);
    }

    private record Loaded(Ticket ticket, Set<TicketState> next, List<WorklogEntry> log, List<Attachment> files,
            List<Problem> known) {
    }

    private void show(Loaded l) {
        if (root.isDisposed()) {
            return;
        }
        Ticket t = l.ticket();
        reference = t.reference();
        clearErrors();
        header.setText(t.reference() + "  " + t.state().label() + "  " + t.priority() + " " + t.priority().label()
                + "  SLA: " + SlaDisplay.text(t.sla(), t.state(), Instant.now()) + "  logged " + TIME.format(
                        t.created())
                + " by " + t.reporter());
        kind.select(t.kind() == TicketKind.INCIDENT ? 0 : 1);
        kind.setEnabled(false);
        title.setText(t.title());
        description.setText(t.description());
        caller.setText(t.caller());
        category.setText(t.category());
        cis.setText(t.cis().stream().map(CiRef::id).collect(Collectors.joining(", ")));
        impact.select(t.impact() - 1);
        urgency.select(t.urgency() - 1);
        priority.setText(t.priority().name() + " " + t.priority().label());
        group.setText(t.group() == null ? "" : t.group());
        assignee.setText(t.assignee() == null ? "" : t.assignee());
        worklog.setRows(l.log());
        attachments.setRows(l.files());
        knownErrors.setText(l.known().isEmpty()
                ? ""
                : l.known().stream()
                        .map(p -> "Known error " + p.reference() + " (" + p.title() + "): workaround: "
                                + p.workaround())
                        .collect(Collectors.joining("\n")));
        lifecycle.show(t, l.next());
        relayout();
    }

    void relayout() {
        root.layout(true, true);
        scroller.setMinSize(root.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private TicketDraft draft() {
        List<String> ids = List.of(cis.getText().split("[,;\\s]+")).stream().filter(s -> !s.isBlank()).toList();
        return new TicketDraft(kind.getSelectionIndex() == 1 ? TicketKind.REQUEST : TicketKind.INCIDENT,
                title.getText(), description.getText(), caller.getText(), category.getText(), ids,
                impact.getSelectionIndex() + 1, urgency.getSelectionIndex() + 1,
                reference == null ? group.getText() : null, reference == null ? assignee.getText() : null);
    }

    /** Creates or saves the ticket; a blank title is refused here already, the rest by the service. */
    void save() {
        clearErrors();
        if (title.getText().isBlank()) {
            failed(new InvalidTicketException("title", "is required"));
            return;
        }
        TicketDraft d = draft();
        Incidents service = incidents;
        String ref = reference;
        Background.run(ui, ref == null ? "Logging a ticket" : "Saving " + ref, true,
                () -> ref == null ? service.create(principal, d) : service.update(principal, ref, d), t -> {
                    message.info((ref == null ? "Logged " : "Saved ") + t.reference());
                    open(t.reference());
                }, this::failed);
    }

    private void assign() {
        if (reference == null) {
            save();
            return;
        }
        clearErrors();
        String ref = reference;
        String g = group.getText();
        String a = assignee.getText();
        Background.run(ui, "Assigning " + ref, true, () -> incidents.assign(principal, ref, g, a), t -> {
            message.info(t.reference() + " assigned");
            open(t.reference());
        }, this::failed);
    }

    /** Adds the items picked from the CMDB to the typed ids. */
    private void pickCis() {
        CiPickerDialog dialog = cmdb == null ? null : new CiPickerDialog(root.getShell(), ui, cmdb);
        if (dialog != null && dialog.open() == org.eclipse.jface.window.Window.OK) {
            cis.setText(CiPickerDialog.merged(cis.getText(), dialog.picked()));
        }
    }

    /** The message line of the editor. */
    MessageLine message() {
        return message;
    }

    /** The reference shown, or {@code null} for a new ticket. */
    public String reference() {
        return reference;
    }
}
