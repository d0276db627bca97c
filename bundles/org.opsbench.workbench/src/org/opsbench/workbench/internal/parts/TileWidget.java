package org.opsbench.workbench.internal.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.workbench.WorkbenchIds;

/**
 * One tile: a health-coloured bar, the title, the figure in large type, and a line with its unit, health and trend. The
 * unit stays out of the large type so that a long one ("protected / at risk / breached") never pushes the figure out of
 * the tile; what is cut off shows in the tooltip.
 */
final class TileWidget extends Composite {

    private static final String CSS_CLASS = "org.eclipse.e4.ui.css.CssClassName";

    private final Canvas bar;
    private final Label value;
    private final Label detail;
    private Health health = Health.UNKNOWN;

    TileWidget(Composite parent, String id, String title) {
        super(parent, SWT.BORDER);
        setData(CSS_CLASS, "Tile");
        setData(WorkbenchIds.WIDGET_ID, "dashboard.tile." + id);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        setLayout(layout);
        bar = new Canvas(this, SWT.NONE);
        bar.setLayoutData(new GridData(6, 64));
        bar.addPaintListener(e -> {
            e.gc.setBackground(colorOf(health));
            e.gc.fillRectangle(bar.getClientArea());
        });
        Composite text = new Composite(this, SWT.NONE);
        text.setData(CSS_CLASS, "Tile");
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        text.setLayout(new GridLayout(1, false));
        Label titleLabel = new Label(text, SWT.NONE);
        titleLabel.setText(title);
        titleLabel.setData(CSS_CLASS, "Muted");
        value = new Label(text, SWT.NONE);
        value.setText("…");
        value.setData(CSS_CLASS, "TileValue");
        value.setData(WorkbenchIds.WIDGET_ID, "dashboard.tile." + id + ".value");
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        detail = new Label(text, SWT.NONE);
        detail.setData(CSS_CLASS, "Muted");
        detail.setData(WorkbenchIds.WIDGET_ID, "dashboard.tile." + id + ".detail");
        detail.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    void show(DashboardTile.Value v) {
        health = v.health();
        // a symbol ("%", "ms", "GB") belongs to the figure; a word goes to the line below it
        boolean symbol = v.unit() != null && !v.unit().isEmpty() && v.unit().length() <= 3;
        boolean unit = !symbol && v.unit() != null && !v.unit().isEmpty();
        value.setText(symbol ? v.value() + " " + v.unit() : v.value());
        String arrow = switch (v.trend()) {
            case UP -> "▲ rising";
            case DOWN -> "▼ falling";
            case FLAT -> "▶ steady";
            case NONE -> "";
        };
        String line = (unit ? v.unit() + "  ·  " : "") + health.name().toLowerCase() + (arrow.isEmpty()
                ? ""
                : "  ·  " + arrow);
        detail.setText(line);
        String whole = v.value() + (unit || symbol ? " " + v.unit() : "") + " (" + health.name().toLowerCase()
                + (arrow.isEmpty() ? "" : ", " + arrow) + ")";
        value.setToolTipText(whole);
        detail.setToolTipText(whole);
        bar.redraw();
    }

    private Color colorOf(Health h) {
        return switch (h) {
            case OK -> new Color(0x2e, 0x9d, 0x5b);
            case WARNING -> new Color(0xe0, 0xa1, 0x1b);
            case CRITICAL -> new Color(0xd0, 0x3b, 0x3b);
            case UNKNOWN -> new Color(0x8b, 0x92, 0x9c);
        };
    }
}
