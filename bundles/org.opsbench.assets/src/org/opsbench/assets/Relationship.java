package org.opsbench.assets;

import org.opsbench.core.CiRef;

/**
 * A relationship between two items, read from source to target ("app runs on server").
 *
 * @param id
 *            its id
 * @param source
 *            the source item
 * @param kind
 *            the kind
 * @param target
 *            the target item
 */
public record Relationship(long id, CiRef source, RelationshipKind kind, CiRef target) {
}
