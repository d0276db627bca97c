package org.opsbench.assets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.opsbench.assets.Impact;
import org.opsbench.assets.Impact.Direction;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.CiRef;

/**
 * The relationship graph in memory, for impact analysis: items as slots (id, type, name) and per slot its outgoing and
 * incoming relationships as packed ints. The database stays the truth: every transaction that changes items or
 * relationships increments {@code ASSET_GRAPH_VERSION} ({@link #bump}); this process applies its own changes after they
 * commit ({@link #changed}) and reloads everything when the version it holds is not the database's (another process
 * wrote, or two of its own writes crossed).
 */
public final class GraphIndex {

    private static final RelationshipKind[] KINDS = RelationshipKind.values();

    private long version = -1;
    private final Map<String, Integer> slots = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int[][] out = new int[0][];
    private int[][] in = new int[0][];
    private int[] outCount = new int[0];
    private int[] inCount = new int[0];

    /** Increments the graph version in the caller's transaction and returns the new one. */
    public static long bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE ASSET_GRAPH_VERSION SET VERSION = VERSION + 1 WHERE ID = 1")) {
            s.executeUpdate();
        }
        return read(c);
    }

    private static long read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT VERSION FROM ASSET_GRAPH_VERSION WHERE ID = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The edits a committed transaction made, applied when this index held the version just before. */
    public synchronized void changed(long newVersion, Consumer<GraphIndex> edits) {
        if (version >= 0 && version == newVersion - 1) {
            edits.accept(this);
            version = newVersion;
        } else {
            version = -1;
        }
    }

    /** The walk, on the current graph (reloaded first when the database holds another version). */
    public synchronized Impact walk(Connection c, String rootId, Direction direction, int depth, int maxNodes)
            throws SQLException {
        long current = read(c);
        if (current != version) {
            load(c, current);
        }
        Integer root = slots.get(rootId);
        if (root == null) {
            return null;
        }
        int[] distance = new int[ids.size()];
        int[] via = new int[ids.size()];
        Arrays.fill(distance, -1);
        distance[root] = 0;
        int[] frontier = {root};
        int frontierSize = 1;
        List<Integer> reached = new ArrayList<>();
        List<int[]> edges = new ArrayList<>(); // source, kind, target
        boolean truncated = false;
        for (int level = 1; level <= depth && frontierSize > 0 && !truncated; level++) {
            int[] next = new int[16];
            int nextSize = 0;
            for (int f = 0; f < frontierSize && !truncated; f++) {
                int node = frontier[f];
                // upstream: what the node needs (its outgoing relationships); downstream: who needs it (incoming);
                // connected-to both ways in either direction
                for (int pass = 0; pass < 2 && !truncated; pass++) {
                    boolean outgoing = pass == 0;
                    int[] list = outgoing ? out[node] : in[node];
                    int count = outgoing ? outCount[node] : inCount[node];
                    for (int i = 0; i < count; i++) {
                        int other = list[i] >>> 3;
                        RelationshipKind kind = KINDS[list[i] & 7];
                        boolean follow = direction == Direction.BOTH || kind == RelationshipKind.CONNECTED_TO
                                || (outgoing == (direction == Direction.UPSTREAM));
                        if (!follow) {
                            continue;
                        }
                        edges.add(outgoing
                                ? new int[]{node, kind.ordinal(), other}
                                : new int[]{other, kind.ordinal(), node});
                        if (distance[other] < 0) {
                            if (reached.size() >= maxNodes) {
                                truncated = true;
                                break;
                            }
                            distance[other] = level;
                            via[other] = node;
                            reached.add(other);
                            if (nextSize == next.length) {
                                next = Arrays.copyOf(next, nextSize * 2);
                            }
                            next[nextSize++] = other;
                        }
                    }
                }
            }
            frontier = next;
            frontierSize = nextSize;
        }
        List<Impact.Node> nodes = new ArrayList<>(reached.size());
        for (int r : reached) {
            nodes.add(new Impact.Node(ref(r), distance[r], ids.get(via[r])));
        }
        nodes.sort(Comparator.comparingInt(Impact.Node::distance).thenComparing(n -> n.item().name()));
        Set<Impact.Edge> kept = new LinkedHashSet<>();
        for (int[] e : edges) {
            if (distance[e[0]] >= 0 && distance[e[2]] >= 0) {
                kept.add(new Impact.Edge(ids.get(e[0]), KINDS[e[1]], ids.get(e[2])));
            }
        }
        return new Impact(ref(root), direction, depth, nodes, new ArrayList<>(kept), truncated);
    }

    private CiRef ref(int slot) {
        return new CiRef(ids.get(slot), types.get(slot), names.get(slot));
    }

    private void load(Connection c, long current) throws SQLException {
        slots.clear();
        ids.clear();
        types.clear();
        names.clear();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, CI_TYPE, NAME FROM ASSET_CI");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                addItem(r.getString(1), r.getString(2), r.getString(3));
            }
        }
        out = new int[ids.size()][];
        in = new int[ids.size()][];
        outCount = new int[ids.size()];
        inCount = new int[ids.size()];
        try (PreparedStatement s = c.prepareStatement("SELECT SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                addEdge(r.getString(1), RelationshipKind.valueOf(r.getString(2)), r.getString(3));
            }
        }
        version = current;
    }

    /** Adds an item (edit). */
    public void addItem(String id, String type, String name) {
        if (slots.containsKey(id)) {
            int slot = slots.get(id);
            types.set(slot, type);
            names.set(slot, name);
            return;
        }
        int slot = ids.size();
        slots.put(id, slot);
        ids.add(id);
        types.add(type);
        names.add(name);
        if (slot >= out.length) {
            int size = Math.max(16, slot * 2);
            out = Arrays.copyOf(out, size);
            in = Arrays.copyOf(in, size);
            outCount = Arrays.copyOf(outCount, size);
            inCount = Arrays.copyOf(inCount, size);
        }
    }

    /** Renames an item (edit). */
    public void rename(String id, String name) {
        Integer slot = slots.get(id);
        if (slot != null) {
            names.set(slot, name);
        }
    }

    /** Adds a relationship (edit). */
    public void addEdge(String sourceId, RelationshipKind kind, String targetId) {
        Integer s = slots.get(sourceId);
        Integer t = slots.get(targetId);
        if (s == null || t == null) {
            return;
        }
        append(out, outCount, s, t << 3 | kind.ordinal());
        append(in, inCount, t, s << 3 | kind.ordinal());
    }

    private static void append(int[][] lists, int[] counts, int slot, int value) {
        int[] list = lists[slot];
        if (list == null) {
            list = lists[slot] = new int[4];
        } else if (counts[slot] == list.length) {
            list = lists[slot] = Arrays.copyOf(list, list.length * 2);
        }
        list[counts[slot]++] = value;
    }

    /** Removes a relationship (edit). */
    public void removeEdge(String sourceId, RelationshipKind kind, String targetId) {
        Integer s = slots.get(sourceId);
        Integer t = slots.get(targetId);
        if (s != null && t != null) {
            remove(out, outCount, s, t << 3 | kind.ordinal());
            remove(in, inCount, t, s << 3 | kind.ordinal());
        }
    }

    private static void remove(int[][] lists, int[] counts, int slot, int value) {
        int[] list = lists[slot];
        for (int i = 0; list != null && i < counts[slot]; i++) {
            if (list[i] == value) {
                list[i] = list[--counts[slot]];
                return;
            }
        }
    }

    /** Removes an item with its relationships (edit); its slot stays empty. */
    public void removeItem(String id) {
        Integer slot = slots.remove(id);
        if (slot == null) {
            return;
        }
        for (int i = 0; out[slot] != null && i < outCount[slot]; i++) {
            remove(in, inCount, out[slot][i] >>> 3, slot << 3 | (out[slot][i] & 7));
        }
        for (int i = 0; in[slot] != null && i < inCount[slot]; i++) {
            remove(out, outCount, in[slot][i] >>> 3, slot << 3 | (in[slot][i] & 7));
        }
        outCount[slot] = 0;
        inCount[slot] = 0;
    }
}
