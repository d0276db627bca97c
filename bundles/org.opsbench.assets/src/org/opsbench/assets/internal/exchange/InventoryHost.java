package org.opsbench.assets.internal.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A host of an Ansible inventory: name, variables (its own over its groups'), groups, and the line that named it first.
 */
public final class InventoryHost {

    final String name;
    final int line;
    final Map<String, String> vars = new LinkedHashMap<>();
    final Set<String> groups = new TreeSet<>();

    InventoryHost(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** The inventory name. */
    public String name() {
        return name;
    }

    /** The line it was first named on. */
    public int line() {
        return line;
    }

    /** Its variables. */
    public Map<String, String> vars() {
        return vars;
    }

    /** Its groups, without {@code all} and {@code ungrouped}. */
    public Set<String> groups() {
        return groups;
    }
}
