package org.opsbench.assets.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.Discovery;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.core.events.Topics;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The CI explorer: a tree of the item types with their counts, the items of the chosen type in a table (filter and
 * sort; a page of up to {@value #PAGE} items from the service), and the editor of the selected item below (attributes
 * and lifecycle, relationships, history). Read again when an item changes.
 */
public class ExplorerPart {

    static final int PAGE = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Assets assets;

    @Inject
    @Optional
    @Service
    Discovery discovery;

    @Inject
    @Optional
    IEventBroker broker;

    @Inject
    @Optional
    EPartService parts;

    private Composite root;
    private Tree types;
    private MessageLine message;
    private TableSupport<ConfigurationItem> table;
    private ItemEditor editor;
    private String type;
    private volatile boolean disposed;
    private Job pending;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        Buttons.push(bar, "Refresh", "assets.refresh", this::refresh);
        Buttons.push(bar, "Discover…", "assets.discover", this::discover);
        Buttons.push(bar, "New…", "assets.new", () -> editor.startNew(type == null ? "server" : type));
        Buttons.push(bar, "Impact graph", "assets.graph", this::showGraph);
        message = new MessageLine(parent, "assets.message");
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        types = new Tree(sash, SWT.BORDER | SWT.SINGLE);
        types.setData(WorkbenchIds.WIDGET_ID, "assets.types");
        types.addListener(SWT.Selection, e -> {
            TreeItem item = (TreeItem) e.item;
            type = (String) item.getData();
            refreshItems();
        });
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        table = new TableSupport<>(right, "assets");
        table.column("Name", 220, ConfigurationItem::name, Comparator.comparing(i -> i.name().toLowerCase()))
                .column("Type", 120, ConfigurationItem::type)
                .column("Lifecycle", 100, i -> i.lifecycle().label(),
                        Comparator.comparing(i -> i.lifecycle().ordinal()))
                .column("Groups", 150, i -> String.join(", ", new TreeSet<>(i.groups())))
                .column("Tags", 150, i -> String.join(", ", i.sortedTags()))
                .column("Changed", 130, i -> TIME.format(i.updated()),
                        Comparator.comparing(ConfigurationItem::updated));
        table.sortBy(0);
        table.viewer().addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof ConfigurationItem i) {
                editor.show(i.id());
            }
        });
        table.viewer().addDoubleClickListener(e -> showGraph());
        editor = new ItemEditor(right, this);
        right.setWeights(40, 60);
        sash.setWeights(20, 80);
        if (assets == null) {
            message.error("The assets service (bundle org.opsbench.assets) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    Assets assets() {
        return assets;
    }

    Principal principal() {
        return principal;
    }

    UISynchronize ui() {
        return ui;
    }

    MessageLine message() {
        return message;
    }

    /** The items table, for tests. */
    public TableSupport<ConfigurationItem> table() {
        return table;
    }

    /** The item editor, for tests. */
    public ItemEditor editor() {
        return editor;
    }

    /** Another view changed an item: read again. */
    @Inject
    @Optional
    void itemChanged(@EventTopic(Topics.ASSETS_CI_UPDATED) Event event) {
        if (!disposed && root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    /** Reads the types with counts, then the items of the chosen type. */
    public void refresh() {
        if (assets == null || disposed || root.isDisposed()) {
            return;
        }
        Assets a = assets;
        Background.run(ui, "Reading item types", false, () -> Map.entry(a.types(), a.countByType(principal)),
                (Map.Entry<List<CiType>, Map<String, Long>> r) -> {
                    if (types.isDisposed()) {
                        return;
                    }
                    types.removeAll();
                    long total = r.getValue().values().stream().mapToLong(Long::longValue).sum();
                    TreeItem all = new TreeItem(types, SWT.NONE);
                    all.setText("All items (" + total + ")");
                    for (CiType t : r.getKey()) {
                        TreeItem ti = new TreeItem(all, SWT.NONE);
                        ti.setText(t.displayName() + " (" + r.getValue().getOrDefault(t.id(), 0L) + ")");
                        ti.setData(t.id());
                        if (t.id().equals(type)) {
                            types.setSelection(ti);
                        }
                    }
                    all.setExpanded(true);
                    refreshItems();
                }, e -> message.error(Background.message(e)));
    }

    /** Selects {@code typeId} (or all types for {@code null}) and reads its items. */
    public void selectType(String typeId) {
        type = typeId;
        refreshItems();
    }

    void refreshItems() {
        if (assets == null || disposed || root.isDisposed()) {
            return;
        }
        if (pending != null && pending.getState() != Job.NONE) {
            pending.cancel();
        }
        Assets a = assets;
        String t = type;
        pending = Background.run(ui, "Reading configuration items", false,
                () -> a.find(principal, CiQuery.ofType(t, PAGE)), (CiPage page) -> {
                    if (!root.isDisposed()) {
                        table.setRows(page.items());
                        message.info(page.items().size() + (page.total() > page.items().size()
                                ? " of "
                                        + page.total() + " items (narrow with the tree or the console)"
                                : " items")
                                + (t == null ? "" : " of type " + t));
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void discover() {
        if (discovery == null) {
            message.error("No discovery service is running.");
            return;
        }
        new DiscoveryDialog(root.getShell(), discovery, principal, message, ui).open();
    }

    void showGraph() {
        Object first = table.viewer().getStructuredSelection().getFirstElement();
        if (!(first instanceof ConfigurationItem item)) {
            message.error("Select an item first.");
            return;
        }
        if (parts != null) {
            parts.showPart(AssetsViews.GRAPH, EPartService.PartState.ACTIVATE);
        }
        if (broker != null) {
            broker.send(AssetsViews.SHOW_IN_GRAPH, item.ref());
        }
    }
}
