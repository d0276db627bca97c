package org.opsbench.workbench.widgets;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.opsbench.workbench.WorkbenchIds;

/**
 * A table of rows of type {@code T} with a filter field above it and columns that sort when their header is clicked
 * (again to reverse). Every column is described by a text function; the filter matches a row when any column's text
 * contains the filter text, ignoring case.
 *
 * @param <T>
 *            the row type
 */
public final class TableSupport<T> {

    private record Column<T>(String title, Function<T, String> text, Comparator<T> order) {
    }

    private final List<Function<T, Color>> backgrounds = new ArrayList<>();
    private final List<Function<T, Color>> foregrounds = new ArrayList<>();

    private final List<Column<T>> columns = new ArrayList<>();
    private final Composite composite;
    private final Text filter;
    private final TableViewer viewer;
    private int sortColumn = -1;
    private boolean ascending = true;

    /** Creates the filter field and the table inside a new composite of {@code parent}. */
    public TableSupport(Composite parent, String id) {
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        composite.setLayout(layout);
        filter = new Text(composite, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage("Filter");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.setData(WorkbenchIds.WIDGET_ID, id + ".filter");
        viewer = new TableViewer(composite, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setData(WorkbenchIds.WIDGET_ID, id + ".table");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setFilters(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return matches(element);
            }
        });
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                return TableSupport.this.compare(a, b);
            }
        });
        filter.addModifyListener(e -> viewer.refresh());
    }

    /** Adds a column sorted by its text (locale-aware). */
    public TableSupport<T> column(String title, int width, Function<T, String> text) {
        Collator collator = Collator.getInstance();
        return column(title, width, text, (a, b) -> collator.compare(nn(text.apply(a)), nn(text.apply(b))));
    }

    /** Adds a column with its own sort order (for numbers and times). */
    public TableSupport<T> column(String title, int width, Function<T, String> text, Comparator<T> order) {
        int index = columns.size();
        columns.add(new Column<>(title, text, order));
        backgrounds.add(row -> null);
        foregrounds.add(row -> null);
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        TableColumn tc = column.getColumn();
        tc.setText(title);
        tc.setWidth(width);
        tc.setMoveable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object element) {
                return nn(text.apply((T) element));
            }

            @Override
            @SuppressWarnings("unchecked")
            public Color getBackground(Object element) {
                return backgrounds.get(index).apply((T) element);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Color getForeground(Object element) {
                return foregrounds.get(index).apply((T) element);
            }
        });
        tc.addListener(SWT.Selection, e -> sortBy(index));
        return this;
    }

    /**
     * Colours the cells of column {@code index} (for example a state column); either function may return {@code null}
     * for the table's own colour.
     *
     * @since 1.1.0
     */
    public TableSupport<T> colors(int index, Function<T, Color> background, Function<T, Color> foreground) {
        backgrounds.set(index, background == null ? row -> null : background);
        foregrounds.set(index, foreground == null ? row -> null : foreground);
        viewer.refresh();
        return this;
    }

    /** Sorts by column {@code index}; the same column again reverses the order. */
    public void sortBy(int index) {
        ascending = index != sortColumn || !ascending;
        sortColumn = index;
        Table table = viewer.getTable();
        table.setSortColumn(table.getColumn(index));
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    /** Replaces the rows. Call on the UI thread. */
    public void setRows(List<T> rows) {
        viewer.setInput(rows);
    }

    /** The viewer, for selection listeners and menus. */
    public TableViewer viewer() {
        return viewer;
    }

    /** The filter field. */
    public Text filter() {
        return filter;
    }

    /** The composite holding the filter and the table; give it layout data. */
    public Composite control() {
        return composite;
    }

    /**
     * Whether {@code row} matches the filter field (always, while it is empty): for counts over what the filter lets
     * through.
     *
     * @since 1.1.0
     */
    public boolean matchesFilter(T row) {
        return matches(row);
    }

    /** The column the rows are sorted by, or -1 (since 1.1.0). */
    public int sortColumn() {
        return sortColumn;
    }

    /** Whether the sort is ascending (since 1.1.0). */
    public boolean ascending() {
        return ascending;
    }

    @SuppressWarnings("unchecked")
    private boolean matches(Object element) {
        String wanted = filter.getText().trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        for (Column<T> c : columns) {
            if (nn(c.text().apply((T) element)).toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private int compare(Object a, Object b) {
        if (sortColumn < 0) {
            return 0;
        }
        int c = columns.get(sortColumn).order().compare((T) a, (T) b);
        return ascending ? c : -c;
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
