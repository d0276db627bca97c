package org.opsbench.incidents.ui.internal;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.incidents.ArticleHit;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;

/** Knowledge-base articles suggested in the ticket editor while the title is typed (a moment after typing stopped). */
final class ArticleSuggestions {

    private final TicketEditorPart editor;
    private final Supplier<String> title;
    private final org.eclipse.swt.widgets.List suggestions;
    private int round;

    ArticleSuggestions(Composite form, TicketEditorPart editor, Supplier<String> title) {
        this.editor = editor;
        this.title = title;
        Label suggested = new Label(form, SWT.NONE);
        suggested.setText("Suggested articles:");
        suggested.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        suggestions = new org.eclipse.swt.widgets.List(form, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        suggestions.setData(WorkbenchIds.WIDGET_ID, "ticket.suggestions");
        GridData sg = new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1);
        sg.heightHint = 50;
        suggestions.setLayoutData(sg);
    }

    /** Asks the knowledge base for articles matching the title, a moment after typing stopped. */
    void soon() {
        int mine = ++round;
        suggestions.getDisplay().timerExec(300, () -> {
            KnowledgeBase kb = editor.knowledge;
            if (suggestions.isDisposed() || mine != round || kb == null) {
                return;
            }
            String text = title.get();
            if (text.isBlank()) {
                suggestions.removeAll();
                return;
            }
            Background.run(editor.ui, "Suggesting articles", false, () -> kb.suggest(editor.principal, text, 5),
                    (List<ArticleHit> hits) -> {
                        if (!suggestions.isDisposed() && mine == round) {
                            suggestions.setItems(hits.stream().map(h -> h.reference() + "  " + h.title())
                                    .toArray(String[]::new));
                        }
                    }, e -> {
                    });
        });
    }
}
