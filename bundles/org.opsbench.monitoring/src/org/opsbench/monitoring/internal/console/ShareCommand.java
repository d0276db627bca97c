package org.opsbench.monitoring.internal.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.Leases;
import org.opsbench.cluster.NodeInfo;
import org.opsbench.cluster.Nodes;
import org.opsbench.core.security.AccessControl;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.MonitoringPermissions;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.monitoring.internal.engine.MonitoringShare;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code share}: how the checks are split over the servers on the database: every node, whether it is live, the shards
 * it holds and the hosts and checks in them; and this node's figures (runs, queue, results fenced off).
 */
@Component(service = MonitoringCommand.class, property = {MonitoringCommand.SCOPE, "osgi.command.function=share"})
public final class ShareCommand extends MonitoringCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("share"));

    private final MonitoringRuntime runtime;
    private final MonitoringShare share;
    private final Nodes nodes;
    private final Leases leases;
    private final AccessControl access;

    @Activate
    public ShareCommand(@Reference MonitoringRuntime runtime, @Reference MonitoringShare share,
            @Reference Nodes nodes, @Reference Leases leases, @Reference AccessControl access) {
        this.runtime = runtime;
        this.share = share;
        this.nodes = nodes;
        this.leases = leases;
        this.access = access;
    }

    @Override
    Set<String> functions() {
        return FUNCTIONS;
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        noMoreThan(args, 0, "share");
        access.check(principal(session), MonitoringPermissions.READ);
        String self = nodes.self().id();
        // who holds each shard: the leases (or this node alone)
        Map<Integer, String> holder = new TreeMap<>();
        if (nodes.solo()) {
            for (int s = 0; s < MonitoringRuntime.SHARDS; s++) {
                holder.put(s, self);
            }
        } else {
            for (LeaseState l : leases.list(MonitoringRuntime.SHARD_WORK + ".")) {
                if (!l.expired()) {
                    try {
                        holder.put(Integer.parseInt(l.name().substring(MonitoringRuntime.SHARD_WORK.length() + 1)),
                                l.holder());
                    } catch (NumberFormatException e) {
                        // not a shard lease
                    }
                }
            }
        }
        Map<String, Integer> shards = new TreeMap<>();
        holder.values().forEach(h -> shards.merge(h, 1, Integer::sum));
        Map<String, Integer> checks = new TreeMap<>();
        int unheld = 0;
        List<CheckKey> keys;
        synchronized (runtime.engine()) {
            keys = runtime.engine().keys();
        }
        for (CheckKey k : keys) {
            String h = holder.get(MonitoringRuntime.shardOf(k));
            if (h == null) {
                unheld++;
            } else {
                checks.merge(h, 1, Integer::sum);
            }
        }
        Table table = new Table("NODE", "NAME", "LIVE", "SHARDS", "CHECKS");
        for (NodeInfo n : nodes.all()) {
            table.row(n.id() + (n.id().equals(self) ? " *" : ""), n.name(), n.live() ? "yes" : "no",
                    Integer.toString(shards.getOrDefault(n.id(), 0)), Integer.toString(checks.getOrDefault(n.id(), 0)));
        }
        StringBuilder out = new StringBuilder();
        out.append("database: ").append(nodes.database()).append(nodes.solo() ? " (solo)" : " (shared)").append('\n');
        out.append(table).append('\n');
        if (unheld > 0) {
            out.append(unheld)
                    .append(" hosts and checks in shards no node holds now (taken over within the lease time)\n");
        }
        MonitoringShare.Figures f = share.figures();
        out.append(String.format("this node: %d shards, %d checks run, %d queued, %d results fenced off%n", f.shards(),
                f.runs(), f.queued(), f.fenced()));
        return out.toString();
    }
}
