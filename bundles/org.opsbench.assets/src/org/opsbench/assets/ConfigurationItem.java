package org.opsbench.assets;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.opsbench.core.CiRef;

/**
 * A configuration item as stored.
 *
 * @param id
 *            the stable id
 * @param type
 *            the type id, for example {@code server}
 * @param name
 *            the name, unique within its type
 * @param lifecycle
 *            where it is in its life
 * @param attributes
 *            values of the attributes its type declares (validated)
 * @param facts
 *            what discovery found (for example {@code os.name}); free keys, see docs/assets.md
 * @param tags
 *            free labels
 * @param groups
 *            the groups it belongs to (Ansible groups on export)
 * @param updated
 *            when it last changed
 */
public record ConfigurationItem(String id, String type, String name, LifecycleState lifecycle,
        Map<String, String> attributes, Map<String, String> facts, Set<String> tags, Set<String> groups,
        Instant updated) {

    /** Copies the collections, sorted. */
    public ConfigurationItem {
        attributes = Map.copyOf(attributes);
        facts = Map.copyOf(facts);
        tags = Set.copyOf(tags);
        groups = Set.copyOf(groups);
    }

    /** The reference other areas keep. */
    public CiRef ref() {
        return new CiRef(id, type, name);
    }

    /** Attributes sorted by name, for display. */
    public Map<String, String> sortedAttributes() {
        return new TreeMap<>(attributes);
    }

    /** Tags sorted, for display. */
    public Set<String> sortedTags() {
        return new TreeSet<>(tags);
    }
}
