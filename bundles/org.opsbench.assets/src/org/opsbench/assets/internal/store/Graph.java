package org.opsbench.assets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opsbench.assets.Impact;
import org.opsbench.assets.Impact.Direction;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.CiRef;

/**
 * Impact analysis over the relationships table: a breadth-first walk, one level at a time, each level read with a few
 * batched {@code IN} queries on the covering indexes (never one query per item). A visited set makes it cycle-safe;
 * depth and node limits bound it.
 */
public final class Graph {

    private static final String CONNECTED = "SELECT SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP WHERE KIND = '"
            + RelationshipKind.CONNECTED_TO.name() + "' AND ";

    private Graph() {
    }

    /** The walk from {@code rootId}; {@code root} must exist. */
    public static Impact walk(Connection c, CiRef root, Direction direction, int depth, int maxNodes)
            throws SQLException {
        Map<String, Impact.Node> seen = new HashMap<>();
        Set<String> visited = new LinkedHashSet<>();
        visited.add(root.id());
        List<Impact.Edge> edges = new ArrayList<>();
        List<String> frontier = List.of(root.id());
        boolean truncated = false;
        Map<String, String[]> reached = new HashMap<>(); // id -> {via, distance}
        for (int level = 1; level <= depth && !frontier.isEmpty() && !truncated; level++) {
            List<String> next = new ArrayList<>();
            List<Impact.Edge> found = new ArrayList<>();
            if (direction != Direction.DOWNSTREAM) {
                // what the frontier needs: its outgoing relationships (and connected-to both ways)
                CiStore.forBatches(c, "SELECT SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP WHERE SOURCE_ID IN ",
                        frontier, r -> found.add(edge(r)));
            }
            if (direction != Direction.UPSTREAM) {
                CiStore.forBatches(c, "SELECT SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP WHERE TARGET_ID IN ",
                        frontier, r -> found.add(edge(r)));
            } else {
                CiStore.forBatches(c, CONNECTED + "TARGET_ID IN ", frontier, r -> found.add(edge(r)));
            }
            if (direction == Direction.DOWNSTREAM) {
                CiStore.forBatches(c, CONNECTED + "SOURCE_ID IN ", frontier, r -> found.add(edge(r)));
            }
            Set<String> inFrontier = new java.util.HashSet<>(frontier);
            for (Impact.Edge e : found) {
                // the far end is the one not in the frontier (for a self-loop both are)
                String from = inFrontier.contains(e.sourceId()) ? e.sourceId() : e.targetId();
                String to = from.equals(e.sourceId()) ? e.targetId() : e.sourceId();
                if (inFrontier.contains(e.sourceId()) && inFrontier.contains(e.targetId())) {
                    edges.add(e);
                    continue;
                }
                edges.add(e);
                if (visited.add(to)) {
                    if (visited.size() - 1 > maxNodes) {
                        visited.remove(to);
                        edges.remove(edges.size() - 1);
                        truncated = true;
                        break;
                    }
                    reached.put(to, new String[]{from, Integer.toString(level)});
                    next.add(to);
                }
            }
            frontier = next;
        }
        Map<String, CiStore.Row> rows = CiStore.rows(c, new ArrayList<>(reached.keySet()));
        for (Map.Entry<String, String[]> e : reached.entrySet()) {
            CiStore.Row r = rows.get(e.getKey());
            if (r != null) {
                seen.put(e.getKey(), new Impact.Node(new CiRef(r.id(), r.type(), r.name()),
                        Integer.parseInt(e.getValue()[1]), e.getValue()[0]));
            }
        }
        List<Impact.Node> nodes = new ArrayList<>(seen.values());
        nodes.sort(Comparator.comparingInt(Impact.Node::distance).thenComparing(n -> n.item().name()));
        // edges between nodes of the result only, each once
        Set<Impact.Edge> kept = new LinkedHashSet<>();
        for (Impact.Edge e : edges) {
            if ((seen.containsKey(e.sourceId()) || e.sourceId().equals(root.id()))
                    && (seen.containsKey(e.targetId()) || e.targetId().equals(root.id()))) {
                kept.add(e);
            }
        }
        return new Impact(root, direction, depth, nodes, new ArrayList<>(kept), truncated);
    }

    private static Impact.Edge edge(ResultSet r) throws SQLException {
        return new Impact.Edge(r.getString(1), RelationshipKind.valueOf(r.getString(2)), r.getString(3));
    }

    /**
     * The same walk with one query per item and level: the naive way, kept as the benchmark's baseline. Returns how
     * many items it reached.
     */
    public static int naiveCount(Connection c, String rootId, int depth) throws SQLException {
        Set<String> visited = new java.util.HashSet<>(List.of(rootId));
        List<String> frontier = List.of(rootId);
        try (PreparedStatement s = c.prepareStatement("SELECT SOURCE_ID FROM ASSET_RELATIONSHIP WHERE TARGET_ID = ?")) {
            for (int level = 1; level <= depth; level++) {
                List<String> next = new ArrayList<>();
                for (String id : frontier) {
                    s.setString(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (visited.add(r.getString(1))) {
                                next.add(r.getString(1));
                            }
                        }
                    }
                }
                frontier = next;
            }
        }
        return visited.size() - 1;
    }
}
