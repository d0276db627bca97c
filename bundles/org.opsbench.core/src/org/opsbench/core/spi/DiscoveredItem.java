package org.opsbench.core.spi;

import java.util.List;
import java.util.Map;

/**
 * A configuration item as a {@link DiscoveryProbe} found it.
 *
 * @param type
 *            item type, for example {@code host} or {@code package}
 * @param name
 *            name, unique within its type on the probed target
 * @param facts
 *            what the probe learned (for example {@code os.name})
 * @param relations
 *            links to other discovered items
 */
public record DiscoveredItem(String type, String name, Map<String, String> facts, List<Relation> relations) {

    /** Copies the collections. */
    public DiscoveredItem {
        facts = Map.copyOf(facts);
        relations = List.copyOf(relations);
    }

    /**
     * A relation from this item to another discovered item.
     *
     * @param kind
     *            relation kind, for example {@code runs-on} or {@code depends-on}
     * @param targetType
     *            the other item's type
     * @param targetName
     *            the other item's name
     */
    public record Relation(String kind, String targetType, String targetName) {
    }
}
