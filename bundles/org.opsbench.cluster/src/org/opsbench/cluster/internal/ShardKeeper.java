package org.opsbench.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.opsbench.cluster.Lease;
import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.Leases;
import org.opsbench.cluster.ShardListener;
import org.opsbench.cluster.ShardSet;

/**
 * One node's shards of one piece of work. {@link #rebalance()} is one round: renew what is held (what could not be
 * renewed is lost), count the members, give back the surplus over the fair share, take free shards up to it, and take
 * over expired shards (their holder stopped renewing) whatever the share. The owner calls it at a third of the time to
 * live; tests call it directly.
 * <p>
 * Members are the nodes taking part in this work, each holding the lease {@code <name>.member.<node>} renewed with its
 * shards: a rich client on the same database is a live node but no member, so it never shrinks the servers' share.
 */
public final class ShardKeeper implements ShardSet {

    private final Leases leases;
    private final String member;
    private final String name;
    private final int count;
    private final Duration ttl;
    private final ShardListener listener;
    private final boolean solo;
    private final Map<Integer, Lease> held = new ConcurrentHashMap<>();
    private final Object round = new Object();
    private Lease membership;
    private volatile boolean closed;

    /**
     * @param node
     *            this node's id (names its membership lease)
     * @param solo
     *            hold every shard without leases (a process alone on embedded Derby)
     */
    public ShardKeeper(Leases leases, String node, String name, int count, Duration ttl, ShardListener listener,
            boolean solo) {
        if (count < 1) {
            throw new IllegalArgumentException("shards: at least one, not " + count);
        }
        this.leases = leases;
        this.member = name + ".member." + node;
        this.name = name;
        this.count = count;
        this.ttl = ttl;
        this.listener = listener;
        this.solo = solo;
    }

    private String leaseName(int shard) {
        return name + "." + shard;
    }

    private int shardOfLease(String lease) {
        return Integer.parseInt(lease.substring(name.length() + 1));
    }

    /** One round of renewing and rebalancing; see the class comment. */
    public void rebalance() {
        synchronized (round) {
            if (closed) {
                return;
            }
            if (solo) {
                if (held.isEmpty()) {
                    Set<Integer> all = new TreeSet<>();
                    for (int s = 0; s < count; s++) {
                        held.put(s, new Lease(leaseName(s), "solo", 0, null, Long.MAX_VALUE));
                        all.add(s);
                    }
                    listener.gained(all);
                }
                return;
            }
            renew();
            if (membership == null || !membership.valid()) {
                membership = leases.acquire(member, ttl).orElse(null);
            }
            Map<Integer, LeaseState> known = new TreeMap<>();
            int members = 0;
            for (LeaseState s : leases.list(name + ".")) {
                if (s.name().startsWith(name + ".member.")) {
                    members += s.expired() ? 0 : 1;
                    continue;
                }
                try {
                    known.put(shardOfLease(s.name()), s);
                } catch (NumberFormatException e) {
                    // another lease with the same prefix: not ours
                }
            }
            int fair = (count + Math.max(1, members) - 1) / Math.max(1, members);
            if (held.size() > fair) {
                giveBack(held.size() - fair);
            }
            take(fair, known);
        }
    }

    /** The nodes taking part in this work now (unexpired membership leases), read from the database. */
    public int members() {
        int members = 0;
        for (LeaseState s : leases.list(name + ".member.")) {
            members += s.expired() ? 0 : 1;
        }
        return members;
    }

    private void renew() {
        List<Lease> mine = List.copyOf(held.values());
        List<Lease> all = new ArrayList<>(mine);
        if (membership != null) {
            all.add(membership);
        }
        if (all.isEmpty()) {
            return;
        }
        List<Lease> kept;
        try {
            kept = new ArrayList<>(leases.renew(all, ttl));
            Lease renewedMembership = null;
            for (Lease l : kept) {
                if (l.name().equals(member)) {
                    renewedMembership = l;
                }
            }
            membership = renewedMembership;
            kept.removeIf(l -> l.name().equals(member));
        } catch (IllegalStateException e) {
            // the database is away: keep acting only while the leases are still valid locally
            Set<Integer> gone = new TreeSet<>();
            for (Lease l : mine) {
                if (!l.valid()) {
                    gone.add(shardOfLease(l.name()));
                }
            }
            drop(gone);
            return;
        }
        Set<String> keptNames = new HashSet<>();
        for (Lease l : kept) {
            keptNames.add(l.name());
            held.put(shardOfLease(l.name()), l);
        }
        Set<Integer> lost = new TreeSet<>();
        for (Lease l : mine) {
            if (!keptNames.contains(l.name())) {
                lost.add(shardOfLease(l.name()));
            }
        }
        drop(lost);
    }

    private void drop(Set<Integer> shards) {
        if (shards.isEmpty()) {
            return;
        }
        shards.forEach(held::remove);
        listener.lost(shards);
    }

    private void giveBack(int surplus) {
        // the highest shards go back: two nodes then converge on the same split instead of trading shards
        List<Integer> order = new ArrayList<>(new TreeSet<>(held.keySet()).descendingSet());
        Set<Integer> back = new TreeSet<>(order.subList(0, surplus));
        List<Lease> released = new ArrayList<>();
        back.forEach(s -> released.add(held.remove(s)));
        // stop first, then release: the next holder continues from what was written
        listener.lost(back);
        leases.release(released);
    }

    private void take(int fair, Map<Integer, LeaseState> known) {
        Set<Integer> gained = new TreeSet<>();
        for (int s = 0; s < count; s++) {
            if (held.containsKey(s)) {
                continue;
            }
            LeaseState state = known.get(s);
            boolean free = state == null || state.holder() == null;
            boolean orphaned = state != null && state.holder() != null && state.expired();
            if (orphaned || (free && held.size() < fair)) {
                leases.acquire(leaseName(s), ttl).ifPresent(l -> {
                    held.put(shardOfLease(l.name()), l);
                    gained.add(shardOfLease(l.name()));
                });
            }
        }
        if (!gained.isEmpty()) {
            listener.gained(gained);
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public boolean holds(int shard) {
        Lease l = held.get(shard);
        return l != null && l.valid();
    }

    @Override
    public Set<Integer> held() {
        return new TreeSet<>(held.keySet());
    }

    /** The leases held now. */
    public List<Lease> leases() {
        return List.copyOf(held.values());
    }

    @Override
    public boolean solo() {
        return solo;
    }

    @Override
    public void close() {
        synchronized (round) {
            if (closed) {
                return;
            }
            closed = true;
            if (held.isEmpty() && membership == null) {
                return;
            }
            Set<Integer> all = new TreeSet<>(held.keySet());
            List<Lease> mine = new ArrayList<>(held.values());
            held.clear();
            listener.lost(all);
            if (membership != null) {
                mine.add(membership);
                membership = null;
            }
            if (!solo) {
                try {
                    leases.release(mine);
                } catch (IllegalStateException e) {
                    // the database is away: the leases expire by themselves
                }
            }
        }
    }
}
