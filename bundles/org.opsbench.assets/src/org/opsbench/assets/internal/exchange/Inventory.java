package org.opsbench.assets.internal.exchange;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ansible inventory as parsed from INI or YAML: hosts, groups with their variables and children. {@link #hosts()}
 * resolves the group tree: a host is in its groups and their parents, and takes group variables it does not set itself
 * (nearer groups first).
 */
public final class Inventory {

    private final Map<String, InventoryHost> hosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> direct = new LinkedHashMap<>(); // group -> hosts named in it
    private final Map<String, Set<String>> children = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> groupVars = new LinkedHashMap<>();

    /** The host, created when first named on {@code line}. */
    InventoryHost host(String name, int line) {
        return hosts.computeIfAbsent(name, n -> new InventoryHost(n, line));
    }

    void inGroup(String group, String host) {
        direct.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(host);
    }

    void child(String parent, String child) {
        children.computeIfAbsent(parent, g -> new LinkedHashSet<>()).add(child);
        direct.computeIfAbsent(child, g -> new LinkedHashSet<>());
    }

    void groupVar(String group, String key, String value) {
        groupVars.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
    }

    /** The hosts with groups and variables resolved. */
    public Collection<InventoryHost> hosts() {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        children.forEach((p, cs) -> cs.forEach(c -> parents.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(p)));
        for (Map.Entry<String, Set<String>> g : direct.entrySet()) {
            for (String h : g.getValue()) {
                InventoryHost host = hosts.get(h);
                // nearest first: the group, then its parents breadth-first, 'all' last
                List<String> chain = new ArrayList<>();
                Deque<String> todo = new ArrayDeque<>(List.of(g.getKey()));
                Set<String> seen = new HashSet<>();
                while (!todo.isEmpty()) {
                    String x = todo.poll();
                    if (seen.add(x)) {
                        chain.add(x);
                        todo.addAll(parents.getOrDefault(x, Set.of()));
                    }
                }
                chain.add("all");
                for (String x : chain) {
                    if (!x.equals("all") && !x.equals("ungrouped")) {
                        host.groups.add(x);
                    }
                    groupVars.getOrDefault(x, Map.of()).forEach(host.vars::putIfAbsent);
                }
            }
        }
        for (InventoryHost h : hosts.values()) {
            groupVars.getOrDefault("all", Map.of()).forEach(h.vars::putIfAbsent);
        }
        return hosts.values();
    }
}
