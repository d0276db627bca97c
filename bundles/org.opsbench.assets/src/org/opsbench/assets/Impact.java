package org.opsbench.assets;

import java.util.List;

import org.opsbench.core.CiRef;

/**
 * The result of an impact analysis: the items reached from a root, each with its distance and the item it was reached
 * from.
 *
 * @param root
 *            where it started
 * @param direction
 *            which way it went
 * @param depth
 *            the depth limit
 * @param nodes
 *            the items reached (the root excluded), by distance then name
 * @param edges
 *            the relationships followed, for drawing
 * @param truncated
 *            whether the node limit cut it short
 */
public record Impact(CiRef root, Direction direction, int depth, List<Node> nodes, List<Edge> edges,
        boolean truncated) {

    /** Which way an analysis goes. */
    public enum Direction {
        /** What the root needs: follow relationships from source to target ("the server the app runs on"). */
        UPSTREAM,
        /** What is affected if the root fails: follow relationships from target to source. */
        DOWNSTREAM,
        /** Both. */
        BOTH
    }

    /**
     * An item reached.
     *
     * @param item
     *            the item
     * @param distance
     *            relationships from the root, from 1
     * @param via
     *            the id of the item it was first reached from
     */
    public record Node(CiRef item, int distance, String via) {
    }

    /**
     * A relationship between two items of the result (or the root).
     *
     * @param sourceId
     *            source item id
     * @param kind
     *            the kind
     * @param targetId
     *            target item id
     */
    public record Edge(String sourceId, RelationshipKind kind, String targetId) {
    }

    /** Copies the lists. */
    public Impact {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
