package org.opsbench.workbench.internal.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.core.spi.Health;
import org.opsbench.workbench.WorkbenchIds;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Draws every {@link DashboardTile} service that the installed bundles register, refreshing their figures in a
 * background job. Tiles come and go with their bundles.
 */
public class DashboardPart {

    /** Seconds between two refreshes of the figures. */
    static final long REFRESH_MS = 15_000;

    @Inject
    UISynchronize ui;

    private List<DashboardTile> tiles = List.of();
    private final Map<String, TileWidget> widgets = new HashMap<>();
    private Composite parent;
    private ScrolledComposite scroller;
    private Composite grid;
    private Label header;
    private Job refresher;
    private volatile boolean disposed;

    @Inject
    void setTiles(@Optional @Service List<DashboardTile> services) {
        List<DashboardTile> sorted = new ArrayList<>(services == null ? List.of() : services);
        sorted.sort(Comparator.comparingInt(DashboardTile::rank).thenComparing(DashboardTile::title));
        tiles = List.copyOf(sorted);
        if (grid != null && !grid.isDisposed()) {
            rebuild();
        }
    }

    @PostConstruct
    void create(Composite parent) {
        this.parent = parent;
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setData(WorkbenchIds.WIDGET_ID, "dashboard.header");
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        grid = new Composite(scroller, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.spacing = 12;
        layout.marginWidth = 8;
        grid.setLayout(layout);
        scroller.setContent(grid);
        scroller.addListener(SWT.Resize,
                e -> scroller.setMinSize(grid.computeSize(scroller.getClientArea().width, SWT.DEFAULT)));
        rebuild();
        refresher = Job.create("Refreshing dashboard", monitor -> {
            refreshFigures();
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        });
        refresher.setSystem(true);
        refresher.schedule();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
        if (refresher != null) {
            refresher.cancel();
        }
    }

    private void rebuild() {
        for (TileWidget w : widgets.values()) {
            w.dispose();
        }
        widgets.clear();
        if (tiles.isEmpty()) {
            header.setText("No dashboard tiles yet. Each area (monitoring, incidents, assets, changes, backup, "
                    + "security) adds its key figures here once its bundle is installed.");
        } else {
            header.setText(tiles.size() + (tiles.size() == 1 ? " key figure" : " key figures")
                    + ", refreshed every " + REFRESH_MS / 1000 + " s");
            for (DashboardTile tile : tiles) {
                TileWidget w = new TileWidget(grid, tile.id(), tile.title());
                w.setLayoutData(new RowData(210, SWT.DEFAULT));
                widgets.put(tile.id(), w);
            }
        }
        scroller.setMinSize(grid.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        parent.layout(true, true);
        if (refresher != null) {
            refresher.schedule();
        }
    }

    private void refreshFigures() {
        Map<String, DashboardTile.Value> values = new HashMap<>();
        for (DashboardTile tile : tiles) {
            try {
                values.put(tile.id(), tile.current());
            } catch (RuntimeException e) {
                values.put(tile.id(), new DashboardTile.Value("error", e.getClass().getSimpleName(), Health.UNKNOWN,
                        DashboardTile.Trend.NONE));
            }
        }
        ui.asyncExec(() -> {
            values.forEach((id, value) -> {
                TileWidget w = widgets.get(id);
                if (w != null && !w.isDisposed()) {
                    w.show(value);
                }
            });
            if (!grid.isDisposed()) {
                grid.layout(true, true);
            }
        });
        if (!disposed) {
            refresher.schedule(REFRESH_MS);
        }
    }
}
