package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.spi.Metric;
import org.opsbench.workbench.WorkbenchIds;

/**
 * The head of the detail view: a state badge in the state's colour (pale while SOFT), the host or check, its last
 * output, and the facts an operator asks first (attempt, since, last and next check, flapping, acknowledgement,
 * downtime, latest metrics).
 */
final class StatusBlock {

    private static final List<String> FACTS = List.of("Type", "Attempt", "Since", "Last check", "Next check",
            "Flapping", "Acknowledged", "Downtime");

    private final Composite composite;
    private final Canvas badge;
    private final Label title;
    private final Label output;
    private final Map<String, Label> facts = new LinkedHashMap<>();
    private BoardRow row;

    StatusBlock(Composite parent) {
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        composite.setLayout(layout);
        badge = new Canvas(composite, SWT.NONE);
        GridData bd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        bd.widthHint = 130;
        bd.heightHint = 28;
        badge.setLayoutData(bd);
        badge.setData(WorkbenchIds.WIDGET_ID, "detail.state");
        badge.addListener(SWT.Paint, e -> {
            if (row == null) {
                return;
            }
            e.gc.setAntialias(SWT.ON);
            e.gc.setBackground(StateColors.background(row.state(), row.soft()));
            e.gc.fillRoundRectangle(0, 0, badge.getSize().x, badge.getSize().y, 8, 8);
            e.gc.setForeground(StateColors.foreground(row.state(), row.soft()));
            e.gc.setFont(JFaceResources.getBannerFont());
            String text = row.state().name() + (row.soft() ? " (soft)" : "");
            Point size = e.gc.textExtent(text);
            e.gc.drawString(text, (badge.getSize().x - size.x) / 2, (badge.getSize().y - size.y) / 2, true);
        });
        title = new Label(composite, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        title.setData(WorkbenchIds.WIDGET_ID, "detail.title");
        title.setText("Select a host or check (status board: Details)");
        output = new Label(composite, SWT.NONE);
        output.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        output.setData(WorkbenchIds.WIDGET_ID, "detail.output");
        Composite grid = new Composite(composite, SWT.NONE);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        GridLayout gl = new GridLayout(8, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.horizontalSpacing = 6;
        gl.verticalSpacing = 2;
        grid.setLayout(gl);
        for (String f : FACTS) {
            Label name = new Label(grid, SWT.NONE);
            name.setText(f + ":");
            Label value = new Label(grid, SWT.NONE);
            GridData vd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            vd.widthHint = 120;
            value.setLayoutData(vd);
            value.setData(WorkbenchIds.WIDGET_ID, "detail.fact." + f.toLowerCase(Locale.ROOT).replace(' ', '-'));
            facts.put(f, value);
        }
    }

    Composite control() {
        return composite;
    }

    /** The row shown, or null. */
    BoardRow row() {
        return row;
    }

    void show(BoardRow shown, Instant nextCheck, double percentStateChange, List<Metric> metrics) {
        row = shown;
        Instant now = Instant.now();
        title.setText(shown.key().isHost() ? shown.key().host() + " (host)" : shown.key().toString());
        output.setText(shown.output() == null ? "" : shown.output());
        output.setToolTipText(output.getText());
        fact("Type", shown.type() + (shown.enabled() ? "" : ", disabled"));
        fact("Attempt", shown.attemptLabel());
        fact("Since", shown.lastStateChange() == null ? "" : Durations.since(shown.lastStateChange(), now));
        facts.get("Since").setToolTipText(Durations.time(shown.lastStateChange()));
        fact("Last check", Durations.ago(shown.lastCheck(), now));
        fact("Next check", nextCheck == null
                ? "not scheduled"
                : nextCheck.isAfter(now) ? "in " + Durations.since(now, nextCheck) : "due");
        fact("Flapping", (shown.flapping() ? "yes" : "no")
                + String.format(Locale.ROOT, " (%.0f %% change)", percentStateChange));
        fact("Acknowledged", shown.acknowledgement() == null
                ? "no"
                : "by " + shown.acknowledgement().author() + ": " + shown.acknowledgement().comment());
        fact("Downtime", shown.inDowntime() ? "yes, in a window" : "no");
        // the latest figures are in the chart's legend; here as a tooltip of the output
        if (!metrics.isEmpty()) {
            output.setToolTipText(output.getText() + "\n" + metrics.stream()
                    .map(m -> m.name() + " " + Numbers.value(m.value(), m.unit())).collect(Collectors.joining(", ")));
        }
        badge.redraw();
        composite.layout(true, true);
    }

    void clear(String text) {
        row = null;
        title.setText(text);
        output.setText("");
        facts.values().forEach(l -> l.setText(""));
        badge.redraw();
    }

    private void fact(String name, String value) {
        Label l = facts.get(name);
        l.setText(value);
        l.setToolTipText(value);
    }
}
