package org.opsbench.assets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.CiType;

/**
 * The CMDB: configuration items, relationships, history and impact analysis. An OSGi service. Reads need
 * {@link AssetPermissions#READ}, writes {@link AssetPermissions#WRITE}; each write is one transaction, recorded in the
 * item's history and the audit trail, then posted ({@code ASSETS_CI_UPDATED}, {@code ASSETS_CI_DELETED}).
 * <p>
 * Bad input throws {@link InvalidItemException} naming the field; nothing is written then.
 */
public interface Assets {

    /** The item types declared now (shipped and by extension bundles), by id. */
    List<CiType> types();

    /** A page of items. */
    CiPage find(Principal caller, CiQuery query);

    /** How many items each type has. */
    Map<String, Long> countByType(Principal caller);

    /** The item with {@code id}. */
    Optional<ConfigurationItem> get(Principal caller, String id);

    /** The item of {@code type} named {@code name}. */
    Optional<ConfigurationItem> byName(Principal caller, String type, String name);

    /** Creates an item. */
    ConfigurationItem create(Principal caller, CiSpec spec);

    /**
     * Changes an item: name, attributes, tags, groups, and the lifecycle state (a change must be legal: the refusal
     * names the allowed states).
     */
    ConfigurationItem update(Principal caller, String id, CiSpec spec);

    /** Moves an item to {@code state}; the refusal of an illegal transition names the allowed ones. */
    ConfigurationItem transition(Principal caller, String id, LifecycleState state);

    /** Deletes an item with its relationships; its history stays. Returns whether it existed. */
    boolean delete(Principal caller, String id);

    /** Relates {@code sourceId} to {@code targetId}; relating twice returns the existing relationship. */
    Relationship relate(Principal caller, String sourceId, RelationshipKind kind, String targetId);

    /** Removes a relationship; returns whether it existed. */
    boolean unrelate(Principal caller, long relationshipId);

    /** The relationships an item takes part in, either side. */
    List<Relationship> relationships(Principal caller, String id);

    /** The item's history, newest first, at most {@code limit} entries. */
    List<HistoryEntry> history(Principal caller, String id, int limit);

    /**
     * What the item needs or what is affected if it fails, to {@code depth} relationships (1 to 10), cycle-safe, at
     * most {@code maxNodes} items.
     */
    Impact impact(Principal caller, String id, Impact.Direction direction, int depth, int maxNodes);
}
