package org.opsbench.assets.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.opsbench.assets.AssetPermissions;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.Impact;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.Relationship;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.assets.internal.store.HistoryStore;
import org.opsbench.assets.internal.store.GraphIndex;
import org.opsbench.assets.internal.store.RelationshipStore;
import org.opsbench.assets.internal.types.TypeRegistry;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.Topics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Assets} and the core {@link ConfigurationItems}: permission check, validation against the declared types, one
 * transaction for the item and its history, then the audit record and the event.
 */
@Component(service = {Assets.class, ConfigurationItems.class})
public final class AssetsService implements Assets, ConfigurationItems {

    /** The source of history entries written through this service. */
    static final String EDIT = "edit";

    private final AssetsDatabase db;
    private final TypeRegistry types;
    private final Changes changes;

    /** With the area's tables, the types and the change path. */
    @Activate
    public AssetsService(@Reference AssetsDatabase db, @Reference TypeRegistry types, @Reference Changes changes) {
        this.db = db;
        this.types = types;
        this.changes = changes;
    }

    @Override
    public List<CiType> types() {
        return types.types();
    }

    @Override
    public CiPage find(Principal caller, CiQuery query) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(c -> CiStore.find(c, query, false));
    }

    @Override
    public Map<String, Long> countByType(Principal caller) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(CiStore::countByType);
    }

    @Override
    public Optional<ConfigurationItem> get(Principal caller, String id) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(c -> CiStore.get(c, id));
    }

    @Override
    public Optional<ConfigurationItem> byName(Principal caller, String type, String name) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(c -> {
            Optional<String> id = CiStore.idByName(c, type, name);
            return id.isPresent() ? CiStore.get(c, id.get()) : Optional.empty();
        });
    }

    @Override
    public ConfigurationItem create(Principal caller, CiSpec spec) {
        changes.check(caller, AssetPermissions.WRITE);
        types.validate(spec);
        Instant now = changes.clock().instant();
        String id = UUID.randomUUID().toString();
        long[] version = new long[1];
        ConfigurationItem created = db.tx(c -> {
            if (CiStore.idByName(c, spec.type(), spec.name()).isPresent()) {
                throw new InvalidItemException("name", "a " + spec.type() + " named '" + spec.name().strip()
                        + "' exists already");
            }
            CiStore.insert(c, id, spec, now);
            HistoryStore.append(c, List.of(new HistoryEntry(id, now, caller.name(), "created", null,
                    spec.type() + " " + spec.name().strip(), EDIT)));
            version[0] = GraphIndex.bump(c);
            return CiStore.get(c, id).orElseThrow();
        });
        db.graph().changed(version[0], g -> g.addItem(id, created.type(), created.name()));
        changes.audit(caller, "assets.ci.create", created.ref(), "created " + created.type() + " " + created.name(),
                null, render(created));
        changes.post(Topics.ASSETS_CI_UPDATED, caller, created.ref(), "created " + created.type() + " "
                + created.name(), Map.of());
        return created;
    }

    @Override
    public ConfigurationItem update(Principal caller, String id, CiSpec spec) {
        changes.check(caller, AssetPermissions.WRITE);
        types.validate(spec);
        Instant now = changes.clock().instant();
        long[] version = new long[1];
        ConfigurationItem[] both = db.tx(c -> {
            ConfigurationItem before = CiStore.get(c, id).orElseThrow(() -> new InvalidItemException("id",
                    "no configuration item '" + id + "'"));
            if (!before.type().equals(spec.type())) {
                throw new InvalidItemException("type", "an item keeps its type (" + before.type() + ")");
            }
            legal(before.lifecycle(), spec.lifecycle());
            Optional<String> clash = CiStore.idByName(c, spec.type(), spec.name());
            if (clash.isPresent() && !clash.get().equals(id)) {
                throw new InvalidItemException("name", "a " + spec.type() + " named '" + spec.name().strip()
                        + "' exists already");
            }
            List<HistoryEntry> history = diff(before, spec, caller, now, EDIT);
            if (history.isEmpty()) {
                return new ConfigurationItem[]{before, before};
            }
            CiStore.updateCore(c, id, spec.name(), spec.lifecycle(), now);
            if (!before.name().equals(spec.name().strip())) {
                version[0] = GraphIndex.bump(c);
            }
            CiStore.putAttributes(c, id, before.attributes(), spec.attributes());
            CiStore.putTags(c, id, before.tags(), spec.tags());
            CiStore.putGroups(c, id, before.groups(), spec.groups());
            HistoryStore.append(c, history);
            return new ConfigurationItem[]{before, CiStore.get(c, id).orElseThrow()};
        });
        if (version[0] > 0) {
            db.graph().changed(version[0], g -> g.rename(id, both[1].name()));
        }
        if (both[0] != both[1]) {
            changes.audit(caller, "assets.ci.update", both[1].ref(), "changed " + both[1].type() + " "
                    + both[1].name(), render(both[0]), render(both[1]));
            changes.post(Topics.ASSETS_CI_UPDATED, caller, both[1].ref(), "changed " + both[1].type() + " "
                    + both[1].name(), Map.of());
        }
        return both[1];
    }

    @Override
    public ConfigurationItem transition(Principal caller, String id, LifecycleState state) {
        changes.check(caller, AssetPermissions.READ);
        ConfigurationItem item = get(caller, id).orElseThrow(() -> new InvalidItemException("id",
                "no configuration item '" + id + "'"));
        legal(item.lifecycle(), state);
        return update(caller, id, CiSpec.of(item).withLifecycle(state));
    }

    private static void legal(LifecycleState from, LifecycleState to) {
        if (from != to && !from.canBecome(to)) {
            throw new InvalidItemException("lifecycle", "cannot go from " + from.label() + " to " + to.label()
                    + "; allowed from " + from.label() + ": " + (from.next().isEmpty()
                            ? "none"
                            : String.join(", ", from.next().stream().map(LifecycleState::label).toList())));
        }
    }

    /** The history entries of the change from {@code before} to {@code spec}. */
    static List<HistoryEntry> diff(ConfigurationItem before, CiSpec spec, Principal caller, Instant now,
            String source) {
        List<HistoryEntry> out = new ArrayList<>();
        String id = before.id();
        if (!before.name().equals(spec.name().strip())) {
            out.add(new HistoryEntry(id, now, caller.name(), "name", before.name(), spec.name().strip(), source));
        }
        if (before.lifecycle() != spec.lifecycle()) {
            out.add(new HistoryEntry(id, now, caller.name(), "lifecycle", before.lifecycle().label(),
                    spec.lifecycle().label(), source));
        }
        mapDiff(out, id, now, caller, "attribute:", before.attributes(), spec.attributes(), source);
        setDiff(out, id, now, caller, "tag", before.tags(), spec.tags(), source);
        setDiff(out, id, now, caller, "group", before.groups(), spec.groups(), source);
        return out;
    }

    /** History entries for the changed keys of two maps, field {@code prefix + key}. */
    public static void mapDiff(List<HistoryEntry> out, String id, Instant now, Principal caller, String prefix,
            Map<String, String> before, Map<String, String> after, String source) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            String b = before.get(k);
            String a = after.get(k);
            if (b == null ? a != null : !b.equals(a)) {
                out.add(new HistoryEntry(id, now, caller.name(), prefix + k, b, a, source));
            }
        }
    }

    private static void setDiff(List<HistoryEntry> out, String id, Instant now, Principal caller, String field,
            Set<String> before, Set<String> after, String source) {
        for (String v : new TreeSet<>(before)) {
            if (!after.contains(v)) {
                out.add(new HistoryEntry(id, now, caller.name(), field, v, null, source));
            }
        }
        for (String v : new TreeSet<>(after)) {
            if (!before.contains(v)) {
                out.add(new HistoryEntry(id, now, caller.name(), field, null, v, source));
            }
        }
    }

    /** A short rendering for the audit trail. */
    static String render(ConfigurationItem i) {
        return i.type() + " " + i.name() + " [" + i.lifecycle().label() + "] " + new TreeMap<>(i.attributes())
                + " tags=" + new TreeSet<>(i.tags()) + " groups=" + new TreeSet<>(i.groups());
    }

    @Override
    public boolean delete(Principal caller, String id) {
        changes.check(caller, AssetPermissions.WRITE);
        Instant now = changes.clock().instant();
        long[] version = new long[1];
        Optional<ConfigurationItem> gone = db.tx(c -> {
            Optional<ConfigurationItem> before = CiStore.get(c, id);
            if (before.isPresent()) {
                CiStore.delete(c, id);
                version[0] = GraphIndex.bump(c);
                HistoryStore.append(c, List.of(new HistoryEntry(id, now, caller.name(), "deleted",
                        before.get().type() + " " + before.get().name(), null, EDIT)));
            }
            return before;
        });
        if (gone.isEmpty()) {
            return false;
        }
        db.graph().changed(version[0], g -> g.removeItem(id));
        changes.audit(caller, "assets.ci.delete", gone.get().ref(), "deleted " + gone.get().type() + " "
                + gone.get().name(), render(gone.get()), null);
        changes.post(Topics.ASSETS_CI_DELETED, caller, gone.get().ref(), "deleted " + gone.get().type() + " "
                + gone.get().name(), Map.of());
        return true;
    }

    @Override
    public Relationship relate(Principal caller, String sourceId, RelationshipKind kind, String targetId) {
        changes.check(caller, AssetPermissions.WRITE);
        if (kind == null) {
            throw new InvalidItemException("kind", "is required");
        }
        if (sourceId.equals(targetId)) {
            throw new InvalidItemException("target", "an item cannot relate to itself");
        }
        Instant now = changes.clock().instant();
        long[] version = new long[1];
        Object[] result = db.tx(c -> {
            Map<String, CiStore.Row> rows = CiStore.rows(c, List.of(sourceId, targetId));
            CiStore.Row source = rows.get(sourceId);
            CiStore.Row target = rows.get(targetId);
            if (source == null) {
                throw new InvalidItemException("source", "no configuration item '" + sourceId + "'");
            }
            if (target == null) {
                throw new InvalidItemException("target", "no configuration item '" + targetId + "'");
            }
            Optional<RelationshipStore.Row> existing = RelationshipStore.find(c, sourceId, kind, targetId);
            if (existing.isPresent()) {
                return new Object[]{relationship(existing.get(), source, target), false};
            }
            RelationshipStore.Row row = RelationshipStore.insert(c, sourceId, kind, targetId);
            String text = kind.id() + " " + target.type() + " " + target.name();
            HistoryStore.append(c, List.of(new HistoryEntry(sourceId, now, caller.name(), "relationship", null,
                    text, EDIT),
                    new HistoryEntry(targetId, now, caller.name(), "relationship", null,
                            source.type() + " " + source.name() + " " + kind.id() + " this", EDIT)));
            CiStore.touch(c, sourceId, now);
            version[0] = GraphIndex.bump(c);
            return new Object[]{relationship(row, source, target), true};
        });
        Relationship r = (Relationship) result[0];
        if ((Boolean) result[1]) {
            db.graph().changed(version[0], g -> g.addEdge(sourceId, kind, targetId));
            String summary = r.source().name() + " " + kind.id() + " " + r.target().name();
            changes.audit(caller, "assets.relationship.create", r.source(), summary, null, summary);
            changes.post(Topics.ASSETS_CI_UPDATED, caller, r.source(), summary, Map.of());
        }
        return r;
    }

    private static Relationship relationship(RelationshipStore.Row row, CiStore.Row source, CiStore.Row target) {
        return new Relationship(row.id(), new CiRef(source.id(), source.type(), source.name()), row.kind(),
                new CiRef(target.id(), target.type(), target.name()));
    }

    @Override
    public boolean unrelate(Principal caller, long relationshipId) {
        changes.check(caller, AssetPermissions.WRITE);
        Instant now = changes.clock().instant();
        long[] version = new long[1];
        Optional<Relationship> gone = db.tx(c -> {
            Optional<RelationshipStore.Row> row = RelationshipStore.get(c, relationshipId);
            if (row.isEmpty()) {
                return Optional.<Relationship>empty();
            }
            Map<String, CiStore.Row> rows = CiStore.rows(c, List.of(row.get().sourceId(), row.get().targetId()));
            Relationship r = relationship(row.get(), rows.get(row.get().sourceId()), rows.get(row.get().targetId()));
            RelationshipStore.delete(c, relationshipId);
            version[0] = GraphIndex.bump(c);
            String text = r.kind().id() + " " + r.target().type() + " " + r.target().name();
            HistoryStore.append(c, List.of(new HistoryEntry(r.source().id(), now, caller.name(), "relationship",
                    text, null, EDIT),
                    new HistoryEntry(r.target().id(), now, caller.name(), "relationship",
                            r.source().type() + " " + r.source().name() + " " + r.kind().id() + " this", null, EDIT)));
            return Optional.of(r);
        });
        gone.ifPresent(r -> {
            db.graph().changed(version[0], g -> g.removeEdge(r.source().id(), r.kind(), r.target().id()));
            String summary = r.source().name() + " no longer " + r.kind().id() + " " + r.target().name();
            changes.audit(caller, "assets.relationship.delete", r.source(), summary, summary, null);
            changes.post(Topics.ASSETS_CI_UPDATED, caller, r.source(), summary, Map.of());
        });
        return gone.isPresent();
    }

    @Override
    public List<Relationship> relationships(Principal caller, String id) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(c -> {
            List<RelationshipStore.Row> rows = RelationshipStore.of(c, id);
            List<String> ids = new ArrayList<>();
            rows.forEach(r -> {
                ids.add(r.sourceId());
                ids.add(r.targetId());
            });
            Map<String, CiStore.Row> items = CiStore.rows(c, ids.stream().distinct().toList());
            return rows.stream().map(r -> relationship(r, items.get(r.sourceId()), items.get(r.targetId())))
                    .sorted(java.util.Comparator.comparing((Relationship r) -> r.kind().ordinal())
                            .thenComparing(r -> r.source().name()).thenComparing(r -> r.target().name()))
                    .toList();
        });
    }

    @Override
    public List<HistoryEntry> history(Principal caller, String id, int limit) {
        changes.check(caller, AssetPermissions.READ);
        if (limit < 1 || limit > 10_000) {
            throw new InvalidItemException("limit", "1 to 10000, was " + limit);
        }
        return db.tx(c -> HistoryStore.of(c, id, limit));
    }

    @Override
    public Impact impact(Principal caller, String id, Impact.Direction direction, int depth, int maxNodes) {
        changes.check(caller, AssetPermissions.READ);
        if (depth < 1 || depth > 10) {
            throw new InvalidItemException("depth", "1 to 10, was " + depth);
        }
        if (maxNodes < 1 || maxNodes > 100_000) {
            throw new InvalidItemException("maxNodes", "1 to 100000, was " + maxNodes);
        }
        Impact impact = db.tx(c -> db.graph().walk(c, id, direction, depth, maxNodes));
        if (impact == null) {
            throw new InvalidItemException("id", "no configuration item '" + id + "'");
        }
        return impact;
    }

    // ---- core ConfigurationItems: for other areas, no principal (names and facts only)

    @Override
    public Optional<CiRef> resolve(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return db.tx(c -> Optional.ofNullable(CiStore.rows(c, List.of(id)).get(id))
                .map(r -> new CiRef(r.id(), r.type(), r.name())));
    }

    @Override
    public List<CiRef> search(String type, String text, int limit) {
        CiQuery q = new CiQuery(type, text, null, null, null, CiQuery.Sort.NAME, true, 0,
                Math.max(1, Math.min(limit, 10_000)));
        return db.tx(c -> CiStore.find(c, q, false)).items().stream().map(ConfigurationItem::ref).toList();
    }

    @Override
    public Map<String, String> facts(CiRef item) {
        Optional<ConfigurationItem> found = db.tx(c -> CiStore.get(c, item.id()));
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, String> all = new HashMap<>(found.get().facts());
        all.putAll(found.get().attributes());
        return Map.copyOf(all);
    }
}
