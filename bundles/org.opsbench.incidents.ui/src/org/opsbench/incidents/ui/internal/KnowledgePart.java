package org.opsbench.incidents.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.ArticleHit;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The knowledge base: ranked full-text search, the chosen article's Markdown rendered in a StyledText, and a small
 * editor (title, tags, Markdown body) to write articles.
 */
public class KnowledgePart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    KnowledgeBase knowledge;

    private Composite root;
    private Text query;
    private MessageLine message;
    private TableSupport<ArticleHit> hits;
    private StyledText view;
    private Text title;
    private Text tags;
    private Text body;
    private String reference = "";
    private final java.util.Map<String, Font> fonts = new java.util.HashMap<>();

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        new Label(bar, SWT.NONE).setText("Search:");
        query = new Text(bar, SWT.BORDER | SWT.SEARCH);
        query.setLayoutData(new GridData(300, SWT.DEFAULT));
        query.setData(WorkbenchIds.WIDGET_ID, "kb.query");
        query.addListener(SWT.DefaultSelection, e -> search());
        Buttons.push(bar, "Search", "kb.search", this::search);
        Buttons.push(bar, "New article", "kb.new", this::newArticle);
        message = new MessageLine(parent, "kb.message");
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        hits = new TableSupport<>(left, "kb");
        hits.column("Article", 90, ArticleHit::reference).column("Title", 190, ArticleHit::title)
                .column("Score", 60, h -> String.format("%.2f", h.score()), (a, b) -> Float.compare(a.score(),
                        b.score()));
        hits.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        hits.viewer().addSelectionChangedListener(e -> {
            if (e.getStructuredSelection().getFirstElement() instanceof ArticleHit h) {
                show(h.reference());
            }
        });
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(2, false));
        view = new StyledText(right, SWT.BORDER | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        view.setData(WorkbenchIds.WIDGET_ID, "kb.view");
        view.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        new Label(right, SWT.NONE).setText("Title:");
        title = new Text(right, SWT.BORDER);
        title.setData(WorkbenchIds.WIDGET_ID, "kb.title");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(right, SWT.NONE).setText("Tags:");
        tags = new Text(right, SWT.BORDER);
        tags.setData(WorkbenchIds.WIDGET_ID, "kb.tags");
        tags.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        body = new Text(right, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        body.setData(WorkbenchIds.WIDGET_ID, "kb.body");
        GridData bg = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        bg.heightHint = 60;
        body.setLayoutData(bg);
        body.addListener(SWT.Modify, e -> render(body.getText()));
        Buttons.push(right, "Save article", "kb.save", this::save);
        sash.setWeights(2, 3);
        if (knowledge == null) {
            message.error("The incidents service (bundle org.opsbench.incidents) is not running.");
        }
    }

    @PreDestroy
    void dispose() {
        fonts.values().forEach(Font::dispose);
    }

    private void search() {
        if (knowledge == null) {
            return;
        }
        String q = query.getText();
        KnowledgeBase kb = knowledge;
        Background.run(ui, "Searching the knowledge base", false, () -> kb.search(principal, q, 50),
                (List<ArticleHit> rows) -> {
                    if (!root.isDisposed()) {
                        hits.setRows(rows);
                        message.info(rows.size() + " articles for '" + q + "'");
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void show(String ref) {
        KnowledgeBase kb = knowledge;
        Background.run(ui, "Reading " + ref, false, () -> kb.article(principal, ref).orElseThrow(), (Article a) -> {
            if (root.isDisposed()) {
                return;
            }
            reference = a.reference();
            title.setText(a.title());
            tags.setText(String.join(", ", a.tags()));
            body.setText(a.body());
            render(a.body().stripLeading().startsWith("#") ? a.body() : "# " + a.title() + "\n\n" + a.body());
        }, e -> message.error(Background.message(e)));
    }

    private void newArticle() {
        reference = "";
        title.setText("");
        tags.setText("");
        body.setText("");
        view.setText("");
    }

    private void save() {
        Article a = new Article(reference, title.getText(), body.getText(), List.of(tags.getText().split(",")),
                List.of(), "", null);
        KnowledgeBase kb = knowledge;
        Background.run(ui, "Saving the article", true, () -> kb.save(principal, a), saved -> {
            reference = saved.reference();
            message.info("Saved " + saved.reference());
            if (!query.getText().isBlank()) {
                search();
            }
        }, e -> message.error(Background.message(e)));
    }

    /** Draws {@code markdown} into the view with styles. */
    void render(String markdown) {
        MarkdownStyler.Rendered r = MarkdownStyler.render(markdown);
        view.setText(r.text());
        FontData base = view.getFont().getFontData()[0];
        List<StyleRange> ranges = new ArrayList<>();
        for (MarkdownStyler.Span s : r.spans()) {
            StyleRange range = new StyleRange();
            range.start = s.start();
            range.length = s.length();
            switch (s.style()) {
                case HEADING -> {
                    range.fontStyle = SWT.BOLD;
                    range.font = font(base.getName(), base.getHeight() + Math.max(0, 5 - s.level()) * 2, SWT.BOLD);
                }
                case STRONG -> range.fontStyle = SWT.BOLD;
                case EMPHASIS -> range.fontStyle = SWT.ITALIC;
                case CODE -> {
                    range.font = font("Monospace", base.getHeight(), SWT.NORMAL);
                    range.background = root.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
                }
                case LINK -> {
                    range.underline = true;
                    range.foreground = root.getDisplay().getSystemColor(SWT.COLOR_LINK_FOREGROUND);
                }
            }
            ranges.add(range);
        }
        // StyledText wants ranges ordered and not overlapping: inner spans come first from the visitor, so sort
        ranges.sort((a, b) -> Integer.compare(a.start, b.start));
        List<StyleRange> flat = new ArrayList<>();
        int end = 0;
        for (StyleRange range : ranges) {
            if (range.start >= end) {
                flat.add(range);
                end = range.start + range.length;
            }
        }
        view.setStyleRanges(flat.toArray(StyleRange[]::new));
    }

    private Font font(String name, int height, int style) {
        return fonts.computeIfAbsent(name + "/" + height + "/" + style,
                k -> new Font(root.getDisplay(), name, height, style));
    }
}
