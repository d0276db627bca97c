package org.opsbench.assets.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.Relationship;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.cmdb.CiAttribute;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.TableSupport;

/**
 * The editor of one item in the explorer: name, lifecycle (only legal next states offered), tags, groups and the
 * attributes its type declares; its discovered facts; its relationships (add, remove); its history. Saving goes through
 * the service, which validates, audits and posts; its refusal shows in the message line.
 */
public final class ItemEditor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** The data of one item as the editor shows it. */
    private record Loaded(ConfigurationItem item, List<Relationship> relationships, List<HistoryEntry> history) {
    }

    private final ExplorerPart part;
    private final CTabFolder tabs;
    private final Label title;
    private final Text name;
    private final Combo lifecycle;
    private final Text tags;
    private final Text groups;
    private final Composite fields;
    private final ScrolledComposite scroll;
    private final Map<String, Text> values = new LinkedHashMap<>();
    private final TableSupport<Map.Entry<String, String>> facts;
    private final TableSupport<Relationship> relationships;
    private final TableSupport<HistoryEntry> history;
    private final Combo kind;
    private final Text target;
    private ConfigurationItem item;
    private String newType;

    ItemEditor(Composite parent, ExplorerPart part) {
        this.part = part;
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        tabs.setData(WorkbenchIds.WIDGET_ID, "assets.editor");
        Composite edit = new Composite(tabs, SWT.NONE);
        edit.setLayout(new GridLayout(2, false));
        title = new Label(edit, SWT.NONE);
        title.setText("Select an item, or New… to create one");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        // left: what every item has; right: the attributes its type declares
        Composite common = new Composite(edit, SWT.NONE);
        common.setLayout(new GridLayout(2, false));
        GridData commonData = new GridData(SWT.FILL, SWT.FILL, false, true);
        commonData.widthHint = 330;
        common.setLayoutData(commonData);
        name = field(common, "Name:", "assets.editor.name");
        new Label(common, SWT.NONE).setText("Lifecycle:");
        lifecycle = new Combo(common, SWT.READ_ONLY);
        lifecycle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        lifecycle.setData(WorkbenchIds.WIDGET_ID, "assets.editor.lifecycle");
        tags = field(common, "Tags:", "assets.editor.tags");
        groups = field(common, "Groups:", "assets.editor.groups");
        new Label(common, SWT.NONE);
        Buttons.push(common, "Save", "assets.editor.save", this::save);
        scroll = new ScrolledComposite(edit, SWT.V_SCROLL | SWT.BORDER);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fields = new Composite(scroll, SWT.NONE);
        fields.setLayout(new GridLayout(2, false));
        scroll.setContent(fields);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        tab("Attributes", edit);

        Composite factBox = new Composite(tabs, SWT.NONE);
        factBox.setLayout(new GridLayout(1, false));
        facts = new TableSupport<>(factBox, "assets.facts");
        facts.column("Fact", 240, Map.Entry::getKey).column("Value", 500, Map.Entry::getValue);
        facts.sortBy(0);
        facts.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tab("Facts", factBox);

        Composite relBox = new Composite(tabs, SWT.NONE);
        relBox.setLayout(new GridLayout(5, false));
        new Label(relBox, SWT.NONE).setText("This item");
        kind = new Combo(relBox, SWT.READ_ONLY);
        for (RelationshipKind k : RelationshipKind.values()) {
            kind.add(k.id());
        }
        kind.select(0);
        kind.setData(WorkbenchIds.WIDGET_ID, "assets.relate.kind");
        target = new Text(relBox, SWT.BORDER);
        target.setMessage("TYPE/NAME of the other item");
        target.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        target.setData(WorkbenchIds.WIDGET_ID, "assets.relate.target");
        Buttons.push(relBox, "Relate", "assets.relate", this::relate);
        Buttons.push(relBox, "Remove", "assets.unrelate", this::unrelate);
        relationships = new TableSupport<>(relBox, "assets.relationships");
        relationships.column("Source", 220, r -> r.source().type() + "/" + r.source().name())
                .column("Kind", 110, r -> r.kind().id())
                .column("Target", 220, r -> r.target().type() + "/" + r.target().name());
        relationships.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        tab("Relationships", relBox);

        Composite histBox = new Composite(tabs, SWT.NONE);
        histBox.setLayout(new GridLayout(1, false));
        history = new TableSupport<>(histBox, "assets.history");
        history.column("When", 140, h -> TIME.format(h.time()), Comparator.comparing(HistoryEntry::time))
                .column("Who", 140, HistoryEntry::principal).column("Field", 180, HistoryEntry::field)
                .column("Before", 160, h -> h.before() == null ? "" : h.before())
                .column("After", 160, h -> h.after() == null ? "" : h.after())
                .column("Source", 140, HistoryEntry::source);
        history.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tab("History", histBox);
        tabs.setSelection(0);
    }

    private void tab(String text, Control control) {
        CTabItem t = new CTabItem(tabs, SWT.NONE);
        t.setText(text);
        t.setControl(control);
    }

    private static Text field(Composite parent, String label, String id) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setData(WorkbenchIds.WIDGET_ID, id);
        return t;
    }

    /** The tab folder, for tests. */
    public CTabFolder tabs() {
        return tabs;
    }

    /** The history table, for tests. */
    public TableSupport<HistoryEntry> history() {
        return history;
    }

    /** The item shown, or {@code null}. */
    public ConfigurationItem item() {
        return item;
    }

    /** Reads and shows the item {@code id}. */
    void show(String id) {
        Assets a = part.assets();
        Background.run(part.ui(), "Reading a configuration item", false, () -> {
            ConfigurationItem i = a.get(part.principal(), id).orElseThrow(() -> new IllegalStateException(
                    "the item was deleted"));
            return new Loaded(i, a.relationships(part.principal(), id), a.history(part.principal(), id, 500));
        }, (Loaded l) -> {
            if (!tabs.isDisposed()) {
                fill(l);
            }
        }, e -> part.message().error(Background.message(e)));
    }

    /** Clears the form for a new item of {@code type}. */
    void startNew(String type) {
        item = null;
        newType = type;
        title.setText("New " + type);
        name.setText("");
        tags.setText("");
        groups.setText("");
        lifecycle.setItems(names(Set.of(LifecycleState.values())));
        lifecycle.select(List.of(lifecycle.getItems()).indexOf(LifecycleState.DEPLOYED.label()));
        fields(type, Map.of());
        facts.setRows(List.of());
        relationships.setRows(List.of());
        history.setRows(List.of());
        tabs.setSelection(0);
    }

    private void fill(Loaded l) {
        item = l.item();
        newType = null;
        title.setText(item.type() + " " + item.name() + "   (id " + item.id() + ")");
        name.setText(item.name());
        tags.setText(String.join(" ", item.sortedTags()));
        groups.setText(String.join(" ", new TreeSet<>(item.groups())));
        Set<LifecycleState> allowed = new java.util.HashSet<>(item.lifecycle().next());
        allowed.add(item.lifecycle());
        lifecycle.setItems(names(allowed));
        lifecycle.select(List.of(lifecycle.getItems()).indexOf(item.lifecycle().label()));
        fields(item.type(), item.attributes());
        facts.setRows(new ArrayList<>(item.facts().entrySet()));
        relationships.setRows(l.relationships());
        history.setRows(l.history());
        history.sortBy(0);
        history.sortBy(0);
    }

    private static String[] names(Set<LifecycleState> states) {
        return java.util.Arrays.stream(LifecycleState.values()).filter(states::contains).map(LifecycleState::label)
                .toArray(String[]::new);
    }

    private void fields(String typeId, Map<String, String> current) {
        for (Control c : fields.getChildren()) {
            c.dispose();
        }
        values.clear();
        CiType type = part.assets().types().stream().filter(t -> t.id().equals(typeId)).findFirst().orElse(null);
        if (type != null) {
            for (CiAttribute a : type.attributes()) {
                new Label(fields, SWT.NONE).setText(a.label() + (a.required() ? " *" : "") + ":");
                Text t = new Text(fields, SWT.BORDER);
                t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                t.setText(current.getOrDefault(a.name(), ""));
                t.setMessage(a.kind() == CiAttribute.Kind.CHOICE
                        ? String.join(" | ", a.choices())
                        : a.kind().name().toLowerCase());
                t.setData(WorkbenchIds.WIDGET_ID, "assets.editor.attr." + a.name());
                values.put(a.name(), t);
            }
        }
        scroll.setMinSize(fields.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        fields.layout(true);
    }

    private static Set<String> words(String text) {
        Set<String> out = new TreeSet<>();
        for (String w : text.split("[,;\\s]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    private void save() {
        if (item == null && newType == null) {
            part.message().error("Select an item, or New… to create one.");
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        values.forEach((k, t) -> {
            if (!t.getText().isBlank()) {
                attributes.put(k, t.getText().strip());
            }
        });
        CiSpec spec = new CiSpec(item == null ? newType : item.type(), name.getText(),
                LifecycleState.parse(lifecycle.getText()), attributes, words(tags.getText()), words(groups.getText()));
        Assets a = part.assets();
        ConfigurationItem editing = item;
        Background.run(part.ui(), "Saving a configuration item", true,
                () -> editing == null
                        ? a.create(part.principal(), spec)
                        : a.update(part.principal(), editing.id(),
                                spec),
                (ConfigurationItem saved) -> {
                    part.message().info("Saved " + saved.type() + " " + saved.name() + ".");
                    show(saved.id());
                }, e -> part.message().error(Background.message(e)));
    }

    private void relate() {
        if (item == null) {
            part.message().error("Select an item first.");
            return;
        }
        String other = target.getText().strip();
        int slash = other.indexOf('/');
        if (slash <= 0) {
            part.message().error("Name the other item as TYPE/NAME, for example server/web-01.");
            return;
        }
        Assets a = part.assets();
        ConfigurationItem source = item;
        RelationshipKind k = RelationshipKind.parse(kind.getText());
        Background.run(part.ui(), "Relating items", true, () -> {
            ConfigurationItem t = a.byName(part.principal(), other.substring(0, slash), other.substring(slash + 1))
                    .orElseThrow(() -> new IllegalArgumentException("no item " + other));
            return a.relate(part.principal(), source.id(), k, t.id());
        }, (Relationship r) -> {
            part.message().info(r.source().name() + " " + r.kind().id() + " " + r.target().name() + ".");
            show(source.id());
        }, e -> part.message().error(Background.message(e)));
    }

    private void unrelate() {
        Object first = ((IStructuredSelection) relationships.viewer().getSelection()).getFirstElement();
        if (!(first instanceof Relationship r) || item == null) {
            part.message().error("Select a relationship first.");
            return;
        }
        Assets a = part.assets();
        String id = item.id();
        Background.run(part.ui(), "Removing a relationship", true, () -> a.unrelate(part.principal(), r.id()),
                (Boolean done) -> show(id), e -> part.message().error(Background.message(e)));
    }
}
