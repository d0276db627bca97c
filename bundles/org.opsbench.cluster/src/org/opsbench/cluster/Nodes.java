package org.opsbench.cluster;

import java.util.List;

/** The processes (nodes) sharing the database; this one among them. */
public interface Nodes {

    /** Event property naming the node an event was first posted on, set when it is re-posted on another node. */
    String ORIGIN_PROPERTY = "opsbench.origin.node";

    /** This node. */
    NodeInfo self();

    /** The nodes whose heartbeat is recent (this one included), by id. */
    List<NodeInfo> live();

    /** Every node known to the database, live or not, by id. */
    List<NodeInfo> all();

    /**
     * Whether this process is alone by construction (embedded Derby): then leases and shards never touch the database
     * and events are not bridged.
     */
    boolean solo();

    /** Where the shared data lives, for people: the JDBC URL without credentials. */
    String database();
}
