package org.opsbench.assets.internal.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.opsbench.assets.AssetPermissions;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.Inventories;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.service.AssetsService;
import org.opsbench.assets.internal.service.Changes;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.assets.internal.store.HistoryStore;
import org.opsbench.assets.internal.types.TypeRegistry;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Inventories}: every line is parsed and validated first; then all items are written in one transaction (a
 * database failure rolls all of them back), then one audit record and an event per changed item.
 */
@Component(service = Inventories.class)
public final class InventoriesService implements Inventories {

    /** The fixed CSV columns before the attribute columns. */
    static final List<String> CSV_COLUMNS = List.of("type", "name", "lifecycle", "tags", "groups");

    private final AssetsDatabase db;
    private final TypeRegistry types;
    private final Changes changes;

    /** With the area's tables, types and change path. */
    @Activate
    public InventoriesService(@Reference AssetsDatabase db, @Reference TypeRegistry types,
            @Reference Changes changes) {
        this.db = db;
        this.types = types;
        this.changes = changes;
    }

    /** One item to write: where it came from, what it should be, facts to add ({@code null} for none). */
    private record Entry(int line, CiSpec spec, Map<String, String> facts) {
    }

    @Override
    public ImportResult importText(Principal caller, Format format, String text, String defaultType) {
        changes.check(caller, AssetPermissions.WRITE);
        if (format == null) {
            throw new InvalidItemException("format", "is required");
        }
        List<Entry> entries = switch (format) {
            case CSV -> csv(text);
            case ANSIBLE_INI -> ansible(AnsibleIni.parse(text), defaultType);
            case ANSIBLE_YAML -> ansible(AnsibleYaml.parse(text), defaultType);
        };
        Set<String> seen = new HashSet<>();
        for (Entry e : entries) {
            try {
                types.validate(e.spec);
            } catch (InvalidItemException x) {
                throw new InvalidItemException("line " + e.line, x.getMessage());
            }
            if (!seen.add(e.spec.type() + "/" + CiStore.nameKey(e.spec.name()))) {
                throw new InvalidItemException("line " + e.line, "the " + e.spec.type() + " '" + e.spec.name()
                        + "' is named twice");
            }
        }
        String source = "import:" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Instant now = changes.clock().instant();
        List<CiRef> touched = new ArrayList<>();
        List<CiRef> created = new ArrayList<>();
        long[] version = new long[1];
        int[] counts = db.tx(c -> {
            int[] n = new int[3];
            for (Entry e : entries) {
                int outcome = write(c, e, caller, now, source, touched);
                if (outcome == 0) {
                    created.add(touched.get(touched.size() - 1));
                }
                n[outcome]++;
            }
            if (!created.isEmpty()) {
                version[0] = org.opsbench.assets.internal.store.GraphIndex.bump(c);
            }
            return n;
        });
        if (!created.isEmpty()) {
            db.graph().changed(version[0], g -> created.forEach(r -> g.addItem(r.id(), r.type(), r.name())));
        }
        ImportResult result = new ImportResult(counts[0], counts[1], counts[2]);
        changes.audit(caller, "assets.import", null, "imported " + format + ": " + result.created() + " created, "
                + result.updated() + " changed, " + result.unchanged() + " unchanged", null, null);
        for (CiRef ref : touched) {
            changes.post(Topics.ASSETS_CI_UPDATED, caller, ref, "imported " + ref.type() + " " + ref.name(), Map.of());
        }
        return result;
    }

    /**
     * Writes one entry; returns 0 created, 1 updated, 2 unchanged. An entry with facts (from an inventory) adds to an
     * existing item; one without (CSV) sets it as given.
     */
    private static int write(Connection c, Entry given, Principal caller, Instant now, String source,
            List<CiRef> touched)
            throws SQLException {
        Entry e = given;
        Optional<String> id = CiStore.idByName(c, e.spec.type(), e.spec.name());
        if (id.isEmpty()) {
            String newId = UUID.randomUUID().toString();
            CiStore.insert(c, newId, e.spec, now);
            if (e.facts != null) {
                CiStore.putFacts(c, newId, Map.of(), e.facts);
            }
            HistoryStore.append(c, List.of(new HistoryEntry(newId, now, caller.name(), "created", null,
                    e.spec.type() + " " + e.spec.name().strip(), source)));
            touched.add(new CiRef(newId, e.spec.type(), e.spec.name().strip()));
            return 0;
        }
        ConfigurationItem before = CiStore.get(c, id.get()).orElseThrow();
        if (e.facts != null) {
            // an inventory seeds: it adds groups and facts, and keeps what the CMDB knows beyond it
            Set<String> groups = new TreeSet<>(before.groups());
            groups.addAll(e.spec.groups());
            e = new Entry(e.line, new CiSpec(before.type(), before.name(), before.lifecycle(), before.attributes(),
                    before.tags(), groups), e.facts);
        }
        if (before.lifecycle() != e.spec.lifecycle() && !before.lifecycle().canBecome(e.spec.lifecycle())) {
            throw new InvalidItemException("line " + e.line, "lifecycle: cannot go from " + before.lifecycle().label()
                    + " to " + e.spec.lifecycle().label() + "; allowed: "
                    + before.lifecycle().next().stream().map(LifecycleState::label).toList());
        }
        List<HistoryEntry> history = new ArrayList<>();
        if (before.lifecycle() != e.spec.lifecycle()) {
            history.add(new HistoryEntry(before.id(), now, caller.name(), "lifecycle", before.lifecycle().label(),
                    e.spec.lifecycle().label(), source));
        }
        AssetsService.mapDiff(history, before.id(), now, caller, "attribute:", before.attributes(),
                e.spec.attributes(), source);
        Map<String, String> facts = before.facts();
        if (e.facts != null) {
            facts = new HashMap<>(before.facts());
            facts.putAll(e.facts);
            AssetsService.mapDiff(history, before.id(), now, caller, "fact:", before.facts(), facts, source);
        }
        for (String t : new TreeSet<>(e.spec.tags())) {
            if (!before.tags().contains(t)) {
                history.add(new HistoryEntry(before.id(), now, caller.name(), "tag", null, t, source));
            }
        }
        for (String t : new TreeSet<>(before.tags())) {
            if (!e.spec.tags().contains(t)) {
                history.add(new HistoryEntry(before.id(), now, caller.name(), "tag", t, null, source));
            }
        }
        for (String g : new TreeSet<>(e.spec.groups())) {
            if (!before.groups().contains(g)) {
                history.add(new HistoryEntry(before.id(), now, caller.name(), "group", null, g, source));
            }
        }
        for (String g : new TreeSet<>(before.groups())) {
            if (!e.spec.groups().contains(g)) {
                history.add(new HistoryEntry(before.id(), now, caller.name(), "group", g, null, source));
            }
        }
        if (history.isEmpty()) {
            return 2;
        }
        CiStore.updateCore(c, before.id(), before.name(), e.spec.lifecycle(), now);
        CiStore.putAttributes(c, before.id(), before.attributes(), e.spec.attributes());
        CiStore.putFacts(c, before.id(), before.facts(), facts);
        CiStore.putTags(c, before.id(), before.tags(), e.spec.tags());
        CiStore.putGroups(c, before.id(), before.groups(), e.spec.groups());
        HistoryStore.append(c, history);
        touched.add(before.ref());
        return 1;
    }

    private static List<Entry> csv(String text) {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new InvalidItemException("line 1", "no header: expected " + String.join(",", CSV_COLUMNS)
                    + "[,attribute...]");
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        if (header.size() < CSV_COLUMNS.size() || !header.subList(0, CSV_COLUMNS.size()).equals(CSV_COLUMNS)) {
            throw new InvalidItemException("line 1", "the header must start with " + String.join(",", CSV_COLUMNS)
                    + ", was " + String.join(",", header));
        }
        List<Entry> out = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                throw new InvalidItemException("line " + row.line(), header.size() + " fields expected, found "
                        + f.size());
            }
            LifecycleState state;
            try {
                state = f.get(2).isBlank() ? LifecycleState.DEPLOYED : LifecycleState.parse(f.get(2));
            } catch (IllegalArgumentException e) {
                throw new InvalidItemException("line " + row.line(), e.getMessage());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = CSV_COLUMNS.size(); i < header.size(); i++) {
                if (!f.get(i).isBlank()) {
                    attributes.put(header.get(i), f.get(i).strip());
                }
            }
            out.add(new Entry(row.line(), new CiSpec(f.get(0).strip(), f.get(1).strip(), state, attributes,
                    words(f.get(3)), words(f.get(4))), null));
        }
        return out;
    }

    private static Set<String> words(String field) {
        Set<String> out = new TreeSet<>();
        for (String w : field.split("[;\\s]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    private List<Entry> ansible(Inventory inventory, String defaultType) {
        String fallback = defaultType == null || defaultType.isBlank() ? "server" : defaultType;
        List<Entry> out = new ArrayList<>();
        for (InventoryHost h : inventory.hosts()) {
            Map<String, String> vars = new TreeMap<>(h.vars());
            String type = vars.getOrDefault("opsbench_type", fallback);
            Map<String, String> facts = new TreeMap<>();
            vars.forEach((k, v) -> {
                if (!k.startsWith("opsbench_")) {
                    facts.put("ansible." + k, v);
                }
            });
            out.add(new Entry(h.line(), new CiSpec(type, h.name(), LifecycleState.DEPLOYED, Map.of(), Set.of(),
                    h.groups()), facts));
        }
        return out;
    }

    @Override
    public String export(Principal caller, Format format, String type, String tag, String group) {
        changes.check(caller, AssetPermissions.READ);
        List<ConfigurationItem> items = new ArrayList<>();
        CiQuery q = new CiQuery(type, null, tag, group, null, CiQuery.Sort.NAME, true, 0, 5_000);
        db.tx(c -> {
            for (int offset = 0;; offset += 5_000) {
                CiPage page = CiStore.find(c, q.page(offset, 5_000), format != Format.CSV);
                items.addAll(page.items());
                if (page.items().size() < 5_000) {
                    return null;
                }
            }
        });
        String header = "exported by Opsbench: " + items.size() + " items" + (type == null ? "" : ", type " + type)
                + (tag == null ? "" : ", tag " + tag) + (group == null ? "" : ", group " + group);
        return switch (format) {
            case CSV -> csvExport(items);
            case ANSIBLE_INI, ANSIBLE_YAML -> ansibleExport(items, format, header);
        };
    }

    private static String csvExport(List<ConfigurationItem> items) {
        Set<String> attributes = new TreeSet<>();
        items.forEach(i -> attributes.addAll(i.attributes().keySet()));
        List<String> header = new ArrayList<>(CSV_COLUMNS);
        header.addAll(attributes);
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (ConfigurationItem i : items) {
            List<String> f = new ArrayList<>(List.of(i.type(), i.name(), i.lifecycle().label(),
                    String.join(";", new TreeSet<>(i.tags())), String.join(";", new TreeSet<>(i.groups()))));
            attributes.forEach(a -> f.add(i.attributes().getOrDefault(a, "")));
            out.append(Csv.line(f));
        }
        return out.toString();
    }

    private static String ansibleExport(List<ConfigurationItem> items, Format format, String header) {
        Map<String, Map<String, String>> hosts = new LinkedHashMap<>();
        Map<String, List<String>> groups = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (ConfigurationItem i : items) {
            if (!i.name().matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") || hosts.containsKey(i.name())) {
                skipped.add(i.name());
                continue;
            }
            Map<String, String> vars = new TreeMap<>();
            i.facts().forEach((k, v) -> {
                String var = k.startsWith("ansible.") ? k.substring("ansible.".length()) : null;
                if (var != null && var.matches("[A-Za-z_][A-Za-z0-9_]*") && AnsibleIni.writable(v)) {
                    vars.put(var, v);
                }
            });
            if (!vars.containsKey("ansible_host") && i.facts().containsKey("ip.address")) {
                vars.put("ansible_host", i.facts().get("ip.address"));
            }
            vars.put("opsbench_id", i.id());
            vars.put("opsbench_type", i.type());
            hosts.put(i.name(), vars);
            for (String g : new TreeSet<>(i.groups())) {
                if (g.matches("[A-Za-z_][A-Za-z0-9_]*") && !g.equals("all") && !g.equals("ungrouped")) {
                    groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i.name());
                }
            }
        }
        if (!skipped.isEmpty()) {
            header += "; skipped (not valid inventory host names or named twice): " + String.join(" ", skipped);
        }
        return format == Format.ANSIBLE_INI
                ? AnsibleIni.write(header, hosts, groups)
                : AnsibleYaml.write(header, hosts, groups);
    }
}
