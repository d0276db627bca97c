package org.opsbench.assets;

import java.util.Map;
import java.util.Set;

/**
 * What a caller gives to create or change an item. Attributes are checked against the type's declaration.
 *
 * @param type
 *            the type id
 * @param name
 *            the name, unique within the type
 * @param lifecycle
 *            the state for a new item; on update, a change must be a legal transition
 * @param attributes
 *            attribute values (all of them: attributes missing here are removed)
 * @param tags
 *            tags
 * @param groups
 *            groups
 */
public record CiSpec(String type, String name, LifecycleState lifecycle, Map<String, String> attributes,
        Set<String> tags, Set<String> groups) {

    /** Copies the collections; a missing lifecycle is {@link LifecycleState#DEPLOYED}. */
    public CiSpec {
        lifecycle = lifecycle == null ? LifecycleState.DEPLOYED : lifecycle;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A deployed item without attributes, tags or groups. */
    public static CiSpec of(String type, String name) {
        return new CiSpec(type, name, LifecycleState.DEPLOYED, Map.of(), Set.of(), Set.of());
    }

    /** This spec with {@code attributes}. */
    public CiSpec withAttributes(Map<String, String> values) {
        return new CiSpec(type, name, lifecycle, values, tags, groups);
    }

    /** This spec with {@code tags} and {@code groups}. */
    public CiSpec withTagsAndGroups(Set<String> newTags, Set<String> newGroups) {
        return new CiSpec(type, name, lifecycle, attributes, newTags, newGroups);
    }

    /** This spec in {@code state}. */
    public CiSpec withLifecycle(LifecycleState state) {
        return new CiSpec(type, name, state, attributes, tags, groups);
    }

    /** The spec of an existing item, to change a part of it. */
    public static CiSpec of(ConfigurationItem item) {
        return new CiSpec(item.type(), item.name(), item.lifecycle(), item.attributes(), item.tags(), item.groups());
    }
}
