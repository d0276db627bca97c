package org.opsbench.assets.ui.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.opsbench.assets.Assets;
import org.opsbench.assets.Impact;
import org.opsbench.core.CiRef;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The relationship and impact graph of one item, drawn with GC on a canvas: the item in the middle, what it needs
 * (upstream), what is affected if it fails (downstream) or both, in rings by distance; arrows from source to target
 * with the relationship kind. Double-click an item to centre on it; Back returns.
 */
public class ImpactGraphPart {

    static final int MAX_NODES = 300;
    private static final int BOX_W = 150;
    private static final int BOX_H = 34;

    @Inject
    UISynchronize ui;

    @Inject
    org.opsbench.core.Principal principal;

    @Inject
    @Optional
    @Service
    Assets assets;

    private Canvas canvas;
    private Combo direction;
    private Spinner depth;
    private MessageLine message;
    private Impact impact;
    private Map<String, GraphLayout.Placed> placed = Map.of();
    private final Deque<CiRef> back = new ArrayDeque<>();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        new Label(bar, SWT.NONE).setText("Show:");
        direction = new Combo(bar, SWT.READ_ONLY);
        direction.setItems("affected if it fails (downstream)", "what it needs (upstream)", "both");
        direction.select(2);
        direction.setData(WorkbenchIds.WIDGET_ID, "graph.direction");
        direction.addListener(SWT.Selection, e -> reload());
        new Label(bar, SWT.NONE).setText("Depth:");
        depth = new Spinner(bar, SWT.BORDER);
        depth.setValues(2, 1, 10, 0, 1, 1);
        depth.setData(WorkbenchIds.WIDGET_ID, "graph.depth");
        depth.addListener(SWT.Selection, e -> reload());
        Buttons.push(bar, "Back", "graph.back", () -> {
            if (!back.isEmpty()) {
                load(back.pop());
            }
        });
        message = new MessageLine(parent, "graph.message");
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData(WorkbenchIds.WIDGET_ID, "graph.canvas");
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> relayout());
        canvas.addListener(SWT.MouseDoubleClick, e -> {
            GraphLayout.Placed hit = nodeAt(e.x, e.y);
            if (hit != null && impact != null && !hit.item().id().equals(impact.root().id())) {
                back.push(impact.root());
                load(hit.item());
            }
        });
        message.info("Select an item in the CI explorer and press Impact graph (or double-click it).");
    }

    /** The explorer asks to show an item. */
    @Inject
    @Optional
    void showRequested(@UIEventTopic(AssetsViews.SHOW_IN_GRAPH) CiRef item) {
        if (canvas != null && !canvas.isDisposed() && item != null) {
            back.clear();
            load(item);
        }
    }

    /** Centres the graph on {@code item}. */
    public void load(CiRef item) {
        if (assets == null) {
            message.error("The assets service (bundle org.opsbench.assets) is not running.");
            return;
        }
        Assets a = assets;
        Impact.Direction d = switch (direction.getSelectionIndex()) {
            case 0 -> Impact.Direction.DOWNSTREAM;
            case 1 -> Impact.Direction.UPSTREAM;
            default -> Impact.Direction.BOTH;
        };
        int levels = depth.getSelection();
        Background.run(ui, "Analysing the impact of " + item.name(), false,
                () -> a.impact(principal, item.id(), d, levels, MAX_NODES), (Impact result) -> {
                    if (canvas.isDisposed()) {
                        return;
                    }
                    impact = result;
                    relayout();
                    message.info(item.type() + " " + item.name() + ": " + result.nodes().size() + " related items"
                            + (result.truncated() ? " (first " + MAX_NODES + " shown)" : "")
                            + ". Double-click an item to centre on it.");
                }, e -> message.error(Background.message(e)));
    }

    private void reload() {
        if (impact != null) {
            load(impact.root());
        }
    }

    /** What is shown, for tests. */
    public Impact impact() {
        return impact;
    }

    /** Where an item is drawn (its centre), for tests; {@code null} when it is not shown. */
    public Point positionOf(String id) {
        GraphLayout.Placed p = placed.get(id);
        return p == null ? null : new Point(p.x(), p.y());
    }

    /** The canvas, for tests. */
    public Canvas canvas() {
        return canvas;
    }

    private void relayout() {
        if (impact == null) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        placed = GraphLayout.place(impact, Math.max(area.width, 400), Math.max(area.height, 300), BOX_W, BOX_H);
        canvas.redraw();
    }

    private GraphLayout.Placed nodeAt(int x, int y) {
        for (GraphLayout.Placed p : placed.values()) {
            if (Math.abs(p.x() - x) <= BOX_W / 2 && Math.abs(p.y() - y) <= BOX_H / 2) {
                return p;
            }
        }
        return null;
    }

    private void paint(GC gc) {
        if (impact == null) {
            return;
        }
        Display display = canvas.getDisplay();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Color line = new Color(120, 120, 130);
        Color label = new Color(90, 90, 100);
        gc.setLineWidth(1);
        for (Impact.Edge e : impact.edges()) {
            GraphLayout.Placed s = placed.get(e.sourceId());
            GraphLayout.Placed t = placed.get(e.targetId());
            if (s == null || t == null) {
                continue;
            }
            gc.setForeground(line);
            gc.drawLine(s.x(), s.y(), t.x(), t.y());
            arrow(gc, s, t);
            gc.setForeground(label);
            gc.setBackground(canvas.getBackground());
            String kind = e.kind().id();
            Point size = gc.textExtent(kind);
            gc.drawText(kind, (s.x() + t.x()) / 2 - size.x / 2, (s.y() + t.y()) / 2 - size.y / 2, false);
        }
        for (GraphLayout.Placed p : placed.values()) {
            boolean root = p.item().id().equals(impact.root().id());
            gc.setBackground(root ? new Color(255, 214, 102) : TypeColors.of(p.item().type()));
            int x = p.x() - BOX_W / 2;
            int y = p.y() - BOX_H / 2;
            gc.fillRoundRectangle(x, y, BOX_W, BOX_H, 10, 10);
            gc.setForeground(display.getSystemColor(root ? SWT.COLOR_BLACK : SWT.COLOR_DARK_GRAY));
            gc.setLineWidth(root ? 2 : 1);
            gc.drawRoundRectangle(x, y, BOX_W, BOX_H, 10, 10);
            gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(clip(gc, p.item().name()), x + 6, y + 2, true);
            gc.setForeground(label);
            gc.drawText(p.item().type() + (root ? "" : "  ·" + p.distance()), x + 6, y + 17, true);
        }
    }

    private static void arrow(GC gc, GraphLayout.Placed s, GraphLayout.Placed t) {
        double dx = t.x() - s.x();
        double dy = t.y() - s.y();
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            return;
        }
        // the point where the line enters the target box
        double scale = Math.min((BOX_W / 2.0) / Math.max(Math.abs(dx), 1e-6), (BOX_H / 2.0) / Math.max(Math.abs(dy),
                1e-6));
        double ex = t.x() - dx * scale;
        double ey = t.y() - dy * scale;
        double ux = dx / len;
        double uy = dy / len;
        int[] head = {(int) ex, (int) ey, (int) (ex - 9 * ux + 5 * uy), (int) (ey - 9 * uy - 5 * ux),
                (int) (ex - 9 * ux - 5 * uy), (int) (ey - 9 * uy + 5 * ux)};
        gc.setBackground(gc.getForeground());
        gc.fillPolygon(head);
    }

    private static String clip(GC gc, String text) {
        if (gc.textExtent(text).x <= BOX_W - 12) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && gc.textExtent(t + "…").x > BOX_W - 12) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
