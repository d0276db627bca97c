/**
 * Several Opsbench processes on one database: {@link org.opsbench.cluster.Nodes} (this node and the live ones, by a
 * heartbeat on the database's clock), {@link org.opsbench.cluster.Leases} (named leases with a time to live, taken and
 * renewed by conditional updates, one transaction each) and {@link org.opsbench.cluster.Sharding} (a fixed number of
 * shards of work spread fairly over the live nodes through leases). A single process on embedded Derby holds every
 * shard without touching the database.
 * <p>
 * Events a process posts under {@code org/opsbench/} reach the other processes on the same database, re-posted there
 * with the property {@link org.opsbench.cluster.Nodes#ORIGIN_PROPERTY} naming the node they came from.
 */
package org.opsbench.cluster;
