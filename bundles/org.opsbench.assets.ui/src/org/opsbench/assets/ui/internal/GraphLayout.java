package org.opsbench.assets.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.assets.Impact;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.CiRef;

/**
 * Places an impact result in columns: the root in the middle, what is affected if it fails (items that need it) to the
 * left, what it needs to the right, one column per distance; within a column the items follow the rows of the items
 * they were reached from, so that branches stay together. Pure geometry, no SWT.
 */
final class GraphLayout {

    /** A placed item: centre in pixels. */
    record Placed(CiRef item, int distance, int x, int y) {
    }

    private GraphLayout() {
    }

    static Map<String, Placed> place(Impact impact, int width, int height, int boxWidth, int boxHeight) {
        Map<String, Placed> out = new LinkedHashMap<>();
        int cx = width / 2;
        int cy = height / 2;
        out.put(impact.root().id(), new Placed(impact.root(), 0, cx, cy));
        // which side: a node that needs the item it was reached from is affected (left), else needed (right)
        Map<String, Integer> side = new HashMap<>();
        for (Impact.Node n : impact.nodes()) {
            boolean needsVia = impact.edges().stream().anyMatch(e -> e.kind() != RelationshipKind.CONNECTED_TO
                    && e.sourceId().equals(n.item().id()) && e.targetId().equals(n.via()));
            int viaSide = side.getOrDefault(n.via(), 0);
            side.put(n.item().id(), viaSide != 0 ? viaSide : needsVia ? -1 : 1);
        }
        int depth = impact.nodes().stream().mapToInt(Impact.Node::distance).max().orElse(0);
        if (depth == 0) {
            return out;
        }
        int column = Math.max(boxWidth + 80, Math.min(boxWidth + 90, (width / 2 - boxWidth / 2 - 10) / depth));
        Map<String, Integer> rowOf = new HashMap<>();
        rowOf.put(impact.root().id(), cy);
        for (int d = 1; d <= depth; d++) {
            for (int s : new int[]{-1, 1}) {
                int distance = d;
                List<Impact.Node> col = new ArrayList<>(impact.nodes().stream()
                        .filter(n -> n.distance() == distance && side.get(n.item().id()) == s).toList());
                col.sort(Comparator.comparingInt((Impact.Node n) -> rowOf.getOrDefault(n.via(), cy))
                        .thenComparing(n -> n.item().name()));
                int gap = Math.max(boxHeight + 10, Math.min(boxHeight * 3, (height - 20) / Math.max(1, col.size())));
                int top = cy - gap * (col.size() - 1) / 2;
                for (int i = 0; i < col.size(); i++) {
                    int y = top + i * gap;
                    rowOf.put(col.get(i).item().id(), y);
                    out.put(col.get(i).item().id(), new Placed(col.get(i).item(), d, cx + s * d * column, y));
                }
            }
        }
        return out;
    }
}
