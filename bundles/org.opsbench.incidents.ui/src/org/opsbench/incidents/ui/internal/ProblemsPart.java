package org.opsbench.incidents.ui.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.ProblemDraft;
import org.opsbench.incidents.Problems;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Problems and known errors: the list, and a form to record one, give its root cause and workaround, publish it. */
public class ProblemsPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Problems problems;

    private Composite root;
    private MessageLine message;
    private TableSupport<Problem> table;
    private Text title;
    private Text rootCause;
    private Text workaround;
    private Text terms;
    private String reference;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        message = new MessageLine(parent, "problems.message");
        table = new TableSupport<>(parent, "problems");
        table.column("Problem", 90, Problem::reference).column("Title", 260, Problem::title)
                .column("State", 110, p -> p.closed() ? "closed" : p.knownError() ? "known error" : "open")
                .column("Incidents", 70, p -> Integer.toString(p.incidents().size()))
                .column("Root cause", 200, Problem::rootCause).column("Workaround", 260, Problem::workaround);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.viewer().addSelectionChangedListener(e -> {
            if (e.getStructuredSelection().getFirstElement() instanceof Problem p) {
                reference = p.reference();
                title.setText(p.title());
                rootCause.setText(p.rootCause());
                workaround.setText(p.workaround());
                terms.setText(String.join(" ", p.matchTerms()));
            }
        });
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title = field(form, "Title", "problems.title");
        rootCause = field(form, "Root cause", "problems.rootCause");
        workaround = field(form, "Workaround", "problems.workaround");
        terms = field(form, "Match words", "problems.terms");
        Composite buttons = new Composite(form, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        Buttons.push(buttons, "New", "problems.new", () -> {
            reference = null;
            for (Text t : List.of(title, rootCause, workaround, terms)) {
                t.setText("");
            }
        });
        Buttons.push(buttons, "Save", "problems.save", this::save);
        Buttons.push(buttons, "Publish known error", "problems.publish", () -> act(true));
        Buttons.push(buttons, "Close problem", "problems.close", () -> act(false));
        if (problems == null) {
            message.error("The incidents service (bundle org.opsbench.incidents) is not running.");
        }
        refresh();
    }

    private static Text field(Composite form, String label, String id) {
        new Label(form, SWT.NONE).setText(label + ":");
        Text t = new Text(form, SWT.BORDER);
        t.setData(WorkbenchIds.WIDGET_ID, id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    @Inject
    @Optional
    void changed(@EventTopic("org/opsbench/incidents/UPDATED") Event event) {
        if (root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    void refresh() {
        if (problems == null || root.isDisposed()) {
            return;
        }
        Problems service = problems;
        Background.run(ui, "Reading problems", false, () -> service.problems(principal), (List<Problem> rows) -> {
            if (!root.isDisposed()) {
                table.setRows(rows);
                message.info(rows.size() + " problems, " + rows.stream().filter(p -> p.knownError() && !p.closed())
                        .count() + " published known errors");
            }
        }, e -> message.error(Background.message(e)));
    }

    private void save() {
        ProblemDraft d = new ProblemDraft(title.getText(), "", rootCause.getText(), workaround.getText(),
                List.of(terms.getText().split("\\s+")), List.of());
        String ref = reference;
        Background.run(ui, "Saving the problem", true,
                () -> ref == null ? problems.create(principal, d) : problems.update(principal, ref, d), p -> {
                    reference = p.reference();
                    message.info("Saved " + p.reference());
                    refresh();
                }, e -> message.error(Background.message(e)));
    }

    private void act(boolean publish) {
        if (reference == null) {
            message.error("Choose or save a problem first.");
            return;
        }
        String ref = reference;
        Background.run(ui, publish ? "Publishing " + ref : "Closing " + ref, true,
                () -> publish ? problems.publishKnownError(principal, ref) : problems.close(principal, ref), p -> {
                    message.info(p.reference() + (publish ? " published as known error" : " closed"));
                    refresh();
                }, e -> message.error(Background.message(e)));
    }
}
