package org.opsbench.monitoring.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The monitoring configuration: hosts with their checks in a tree and notification rules in a list, each edited in a
 * form beside it ({@link HostEditor}, {@link CheckEditor}, {@link RuleEditor}). Reads and writes go through
 * {@link MonitoringAdmin} in Jobs; what it refuses is shown next to the field.
 */
public class ConfigurationPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    MonitoringAdmin admin;

    private Composite root;
    private MessageLine message;
    private TreeViewer tree;
    private ScrolledComposite hostArea;
    private TableSupport<NotificationRule> rules;
    private ScrolledComposite ruleArea;
    private EditorSupport support;
    private Snapshot data = new Snapshot(Map.of(), List.of(), List.of(), List.of());
    private Object editor;
    private int loads;

    private record Snapshot(Map<HostDefinition, List<CheckDefinition>> hosts, List<NotificationRule> rules,
            List<MonitoringAdmin.TypeInfo> checkTypes, List<MonitoringAdmin.TypeInfo> notifiers) {
    }

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        message = new MessageLine(parent, "config.message");
        support = new EditorSupport(ui, () -> principal, () -> admin, message, this::reload);
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tabs.setData(WorkbenchIds.WIDGET_ID, "config.tabs");

        Composite hostsTab = new Composite(tabs, SWT.NONE);
        hostsTab.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(hostsTab, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        Buttons.push(bar, "New host", "config.newhost", () -> editHost(null));
        Buttons.push(bar, "New check", "config.newcheck", this::newCheck);
        Buttons.push(bar, "Delete", "config.delete", this::deleteSelected);
        Buttons.push(bar, "Refresh", "config.refresh", () -> reload(null));
        SashForm sash = new SashForm(hostsTab, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new TreeViewer(sash, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        tree.getTree().setData(WorkbenchIds.WIDGET_ID, "config.tree");
        tree.setContentProvider(new HostTree());
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof HostDefinition h) {
                    return h.name() + "  (" + h.address() + ")" + (h.enabled() ? "" : " – disabled");
                }
                CheckDefinition c = (CheckDefinition) element;
                return c.name() + "  – " + c.type() + (c.enabled() ? "" : ", disabled");
            }
        });
        tree.addSelectionChangedListener(e -> {
            Object o = tree.getStructuredSelection().getFirstElement();
            if (o instanceof HostDefinition h) {
                editHost(h);
            } else if (o instanceof CheckDefinition c) {
                editCheck(c, c.host());
            }
        });
        hostArea = scrolled(sash);
        sash.setWeights(30, 70);
        TabItem hostsItem = new TabItem(tabs, SWT.NONE);
        hostsItem.setText("Hosts and checks");
        hostsItem.setControl(hostsTab);

        Composite rulesTab = new Composite(tabs, SWT.NONE);
        rulesTab.setLayout(new GridLayout(1, false));
        Composite ruleBar = new Composite(rulesTab, SWT.NONE);
        ruleBar.setLayout(new GridLayout(2, false));
        Buttons.push(ruleBar, "New rule", "config.newrule", () -> editRule(null));
        Buttons.push(ruleBar, "Delete", "config.deleterule", this::deleteRule);
        SashForm ruleSash = new SashForm(rulesTab, SWT.HORIZONTAL);
        ruleSash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        rules = new TableSupport<>(ruleSash, "config.rules");
        rules.column("Rule", 120, NotificationRule::name)
                .column("States", 140, r -> String.join(" ", new java.util.TreeSet<>(r.states())))
                .column("Hosts / checks", 120, r -> r.hosts() + " / " + r.checks())
                .column("Notifier", 80, NotificationRule::notifier);
        rules.sortBy(0);
        rules.viewer().addSelectionChangedListener(e -> {
            if (rules.viewer().getStructuredSelection().getFirstElement() instanceof NotificationRule r) {
                editRule(r);
            }
        });
        ruleArea = scrolled(ruleSash);
        ruleSash.setWeights(40, 60);
        TabItem rulesItem = new TabItem(tabs, SWT.NONE);
        rulesItem.setText("Notification rules");
        rulesItem.setControl(rulesTab);

        if (admin == null) {
            message.error("The monitoring service (bundle org.opsbench.monitoring) is not running.");
        } else {
            reload(null);
        }
    }

    private static ScrolledComposite scrolled(Composite parent) {
        ScrolledComposite s = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        s.setExpandHorizontal(true);
        s.setExpandVertical(true);
        return s;
    }

    /** Reads everything again, then selects {@code select} (a host name, {@code host/check} or {@code rule:name}). */
    void reload(String select) {
        MonitoringAdmin a = admin;
        if (a == null) {
            return;
        }
        Background.run(ui, "Reading the monitoring configuration", false, () -> {
            Map<HostDefinition, List<CheckDefinition>> hosts = new LinkedHashMap<>();
            List<CheckDefinition> checks = a.checks(principal, null);
            for (HostDefinition h : a.hosts(principal)) {
                hosts.put(h, checks.stream().filter(c -> c.host().equals(h.name())).toList());
            }
            return new Snapshot(hosts, a.rules(principal), a.checkTypes(), a.notifiers());
        }, (Snapshot s) -> {
            if (root.isDisposed()) {
                return;
            }
            data = s;
            loads++;
            tree.setInput(s);
            rules.setRows(s.rules());
            if (select != null) {
                select(select);
            } else if (editor == null) {
                show(hostArea, null);
            }
        }, e -> message.error(Background.message(e)));
    }

    private void select(String what) {
        if (what.startsWith("rule:")) {
            String name = what.substring(5);
            data.rules().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> {
                rules.viewer().setSelection(new StructuredSelection(r), true);
                editRule(r);
            });
            return;
        }
        for (Map.Entry<HostDefinition, List<CheckDefinition>> e : data.hosts().entrySet()) {
            if (e.getKey().name().equals(what)) {
                tree.setSelection(new StructuredSelection(e.getKey()), true);
                return;
            }
            for (CheckDefinition c : e.getValue()) {
                if (c.key().toString().equals(what)) {
                    tree.setSelection(new StructuredSelection(c), true);
                    return;
                }
            }
        }
    }

    private void editHost(HostDefinition h) {
        HostEditor e = new HostEditor(hostArea, support, data.checkTypes(), h);
        editor = e;
        show(hostArea, e.control());
    }

    private void editCheck(CheckDefinition c, String host) {
        List<String> hosts = data.hosts().keySet().stream().map(HostDefinition::name).toList();
        CheckEditor e = new CheckEditor(hostArea, support, data.checkTypes(), hosts, c, host);
        editor = e;
        show(hostArea, e.control());
    }

    private void editRule(NotificationRule r) {
        RuleEditor e = new RuleEditor(ruleArea, support, data.notifiers(), r);
        editor = e;
        show(ruleArea, e.control());
    }

    private static void show(ScrolledComposite area, Control content) {
        Control old = area.getContent();
        if (old != null && old != content) {
            old.dispose();
        }
        area.setContent(content);
        if (content != null) {
            area.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
        area.layout(true, true);
    }

    private void newCheck() {
        Object o = tree.getStructuredSelection().getFirstElement();
        String host = o instanceof HostDefinition h ? h.name() : o instanceof CheckDefinition c ? c.host() : null;
        if (host == null) {
            if (data.hosts().isEmpty()) {
                message.error("Create a host first: a check runs against a host.");
                return;
            }
            host = data.hosts().keySet().iterator().next().name();
        }
        editCheck(null, host);
    }

    private void deleteSelected() {
        Object o = tree.getStructuredSelection().getFirstElement();
        MonitoringAdmin a = admin;
        if (o == null || a == null) {
            message.error("Select a host or check to delete.");
            return;
        }
        String what = o instanceof HostDefinition h
                ? "host " + h.name() + " with its " + data.hosts().getOrDefault(h, List.of()).size()
                        + " checks, their state, history and downtimes"
                : "check " + ((CheckDefinition) o).key() + " with its state and history";
        if (!MessageDialog.openConfirm(root.getShell(), "Delete", "Delete " + what + "?")) {
            return;
        }
        Background.run(ui, "Deleting " + what, true, () -> o instanceof HostDefinition h
                ? a.deleteHost(principal, h.name())
                : a.deleteCheck(principal, ((CheckDefinition) o).key()), (Boolean gone) -> {
                    message.info(gone ? "Deleted " + what : "Already gone: " + what);
                    editor = null;
                    show(hostArea, null);
                    reload(null);
                }, e -> message.error("Not deleted: " + Background.message(e)));
    }

    private void deleteRule() {
        MonitoringAdmin a = admin;
        if (!(rules.viewer().getStructuredSelection().getFirstElement() instanceof NotificationRule r) || a == null) {
            message.error("Select a rule to delete.");
            return;
        }
        if (!MessageDialog.openConfirm(root.getShell(), "Delete", "Delete the notification rule " + r.name() + "?")) {
            return;
        }
        Background.run(ui, "Deleting rule " + r.name(), true, () -> a.deleteRule(principal, r.name()), gone -> {
            message.info("Deleted rule " + r.name());
            editor = null;
            show(ruleArea, null);
            reload(null);
        }, e -> message.error("Not deleted: " + Background.message(e)));
    }

    /** How often the configuration was read (for tests: the editors know the check types once it is 1). */
    public int loads() {
        return loads;
    }

    /** The editor shown now (a {@link HostEditor}, {@link CheckEditor} or {@link RuleEditor}), for tests. */
    Object editor() {
        return editor;
    }

    /** Hosts, and their checks below them. */
    private static final class HostTree implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            return ((Snapshot) input).hosts().keySet().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof HostDefinition ? children(parent).toArray() : new Object[0];
        }

        private List<CheckDefinition> children(Object parent) {
            return current == null ? List.of() : current.hosts().getOrDefault(parent, new ArrayList<>());
        }

        private Snapshot current;

        @Override
        public void inputChanged(org.eclipse.jface.viewers.Viewer viewer, Object oldInput, Object newInput) {
            current = (Snapshot) newInput;
        }

        @Override
        public Object getParent(Object element) {
            if (element instanceof CheckDefinition c && current != null) {
                return current.hosts().keySet().stream().filter(h -> h.name().equals(c.host())).findFirst()
                        .orElse(null);
            }
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof HostDefinition && !children(element).isEmpty();
        }
    }
}
