package org.opsbench.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.cluster.Lease;
import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.Leases;
import org.opsbench.persistence.Transactions;

/**
 * {@code CLU_LEASE} for one node. Taking a lease is one conditional {@code UPDATE} (free, expired or ours), or an
 * {@code INSERT} when the row does not exist yet; of two nodes racing, the database lets one update the row (the other
 * re-reads it after the first commits and no longer matches) and one insert it (the other gets a key violation).
 */
public final class LeaseTable implements Leases {

    private final DataSource dataSource;
    private final String node;

    /** The leases as node {@code node} takes them. */
    public LeaseTable(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    /** The local deadline: from before the request, three quarters of the time to live. */
    private static long validUntil(long startNanos, Duration ttl) {
        return startNanos + ttl.toNanos() * 3 / 4;
    }

    @Override
    public Optional<Lease> acquire(String name, Duration ttl) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a lease needs a name");
        }
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ttl: at least one second, not " + ttl);
        }
        long start = System.nanoTime();
        try {
            return Transactions.inTransaction(dataSource, c -> {
                long now = DatabaseClock.now(c);
                long expires = now + ttl.toMillis();
                try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_LEASE SET HOLDER = ?,"
                        + " GENERATION = GENERATION + 1, EXPIRES_MILLIS = ? WHERE NAME = ? AND (HOLDER IS NULL"
                        + " OR HOLDER = ? OR EXPIRES_MILLIS < ?)")) {
                    ps.setString(1, node);
                    ps.setLong(2, expires);
                    ps.setString(3, name);
                    ps.setString(4, node);
                    ps.setLong(5, now);
                    if (ps.executeUpdate() == 1) {
                        return Optional.of(new Lease(name, node, generation(c, name), Instant.ofEpochMilli(expires),
                                validUntil(start, ttl)));
                    }
                }
                if (exists(c, name)) {
                    return Optional.<Lease>empty();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CLU_LEASE (NAME, HOLDER, GENERATION,"
                        + " EXPIRES_MILLIS) VALUES (?, ?, 1, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, node);
                    ps.setLong(3, expires);
                    ps.executeUpdate();
                }
                return Optional.of(new Lease(name, node, 1, Instant.ofEpochMilli(expires), validUntil(start, ttl)));
            });
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // another node inserted the row first: it holds the lease
                return Optional.empty();
            }
            throw new IllegalStateException("lease " + name + ": " + e.getMessage(), e);
        }
    }

    private static long generation(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GENERATION FROM CLU_LEASE WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CLU_LEASE WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<Lease> renew(Collection<Lease> leases, Duration ttl) {
        if (leases.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        List<Lease> order = List.copyOf(leases);
        try {
            return Transactions.inTransaction(dataSource, c -> {
                long expires = DatabaseClock.now(c) + ttl.toMillis();
                try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_LEASE SET EXPIRES_MILLIS = ? WHERE"
                        + " NAME = ? AND HOLDER = ? AND GENERATION = ?")) {
                    for (Lease l : order) {
                        ps.setLong(1, expires);
                        ps.setString(2, l.name());
                        ps.setString(3, node);
                        ps.setLong(4, l.generation());
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    List<Lease> kept = new ArrayList<>();
                    for (int i = 0; i < counts.length; i++) {
                        // a driver may answer SUCCESS_NO_INFO (-2) for a row it updated
                        if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                            Lease l = order.get(i);
                            kept.add(new Lease(l.name(), node, l.generation(), Instant.ofEpochMilli(expires),
                                    validUntil(start, ttl)));
                        }
                    }
                    return kept;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("renewing " + order.size() + " leases: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Collection<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE CLU_LEASE SET HOLDER = NULL, EXPIRES_MILLIS = 0"
                        + " WHERE NAME = ? AND HOLDER = ? AND GENERATION = ?")) {
                    for (Lease l : leases) {
                        ps.setString(1, l.name());
                        ps.setString(2, node);
                        ps.setLong(3, l.generation());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("releasing " + leases.size() + " leases: " + e.getMessage(), e);
        }
    }

    @Override
    public List<LeaseState> list(String prefix) {
        try (Connection c = dataSource.getConnection()) {
            long now = DatabaseClock.now(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT NAME, HOLDER, GENERATION, EXPIRES_MILLIS FROM"
                    + " CLU_LEASE WHERE NAME LIKE ? ESCAPE '!' ORDER BY NAME")) {
                ps.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    List<LeaseState> out = new ArrayList<>();
                    while (rs.next()) {
                        long expires = rs.getLong(4);
                        String holder = rs.getString(2);
                        out.add(new LeaseState(rs.getString(1), holder, rs.getLong(3), Instant.ofEpochMilli(expires),
                                holder == null || expires < now));
                    }
                    return out;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing leases " + prefix + ": " + e.getMessage(), e);
        }
    }
}
