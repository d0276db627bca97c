package org.opsbench.cluster.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.Leases;
import org.opsbench.cluster.NodeInfo;
import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.internal.EventBridge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code opsbench:nodes}: the database, and every node on it with whether it is live, its last heartbeat
 * and the leases it holds, and the events this node exchanged with the others. Read-only, like {@code opsbench:status}.
 */
@Component(service = NodesCommand.class, property = {"osgi.command.scope=opsbench", "osgi.command.function=nodes"})
public final class NodesCommand {

    private final Nodes nodes;
    private final Leases leases;
    private final EventBridge bridge;

    @Activate
    public NodesCommand(@Reference Nodes nodes, @Reference Leases leases, @Reference EventBridge bridge) {
        this.nodes = nodes;
        this.leases = leases;
        this.bridge = bridge;
    }

    /** The table. */
    public String nodes() {
        StringBuilder out = new StringBuilder();
        out.append("database: ").append(nodes.database()).append(nodes.solo() ? " (solo)" : " (shared)")
                .append('\n');
        Map<String, Integer> held = new TreeMap<>();
        if (!nodes.solo()) {
            for (LeaseState l : leases.list("")) {
                if (!l.expired()) {
                    held.merge(l.holder(), 1, Integer::sum);
                }
            }
        }
        String self = nodes.self().id();
        out.append(String.format("%-38s %-24s %-5s %-10s %s%n", "NODE", "NAME", "LIVE", "HEARTBEAT", "LEASES"));
        Instant now = Instant.now();
        for (NodeInfo n : nodes.all()) {
            long ago = Math.max(0, Duration.between(n.heartbeat(), now).toSeconds());
            out.append(String.format("%-38s %-24s %-5s %-10s %s%n", n.id() + (n.id().equals(self) ? " *" : ""),
                    n.name(), n.live() ? "yes" : "no", ago + " s ago", nodes.solo()
                            ? "all"
                            : held.getOrDefault(
                                    n.id(), 0)));
        }
        if (bridge.active()) {
            out.append("events: ").append(bridge.sent()).append(" sent to the other nodes, ").append(bridge.received())
                    .append(" received");
            String last = bridge.lastReceived();
            out.append(last.isEmpty() ? "" : " (last: " + last + ")").append('\n');
            bridge.receivedByTopic().forEach((t, n) -> out.append("  received ").append(t).append(": ").append(n)
                    .append('\n'));
        }
        return out.toString();
    }
}
