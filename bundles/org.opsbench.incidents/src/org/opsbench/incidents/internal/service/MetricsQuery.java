package org.opsbench.incidents.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.opsbench.core.Priority;
import org.opsbench.incidents.Metrics;

/** Service-desk figures in SQL aggregates over {@code INC_TICKET}. */
final class MetricsQuery {

    private static final String OPEN = "STATE IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";

    private MetricsQuery() {
    }

    static Metrics compute(DataSource ds, Instant from, Instant to, Instant now) throws SQLException {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        try (Connection c = ds.getConnection()) {
            Duration mtta = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), AVG(RESPONDED - CREATED) FROM INC_TICKET "
                    + "WHERE RESPONDED >= ? AND RESPONDED < ?")) {
                ps.setLong(1, f);
                ps.setLong(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        mtta = Duration.ofMillis(rs.getLong(2));
                    }
                }
            }
            Duration mttr = null;
            long resolved = 0;
            int compliance = -1;
            int fcr = -1;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), AVG(RESOLVED - CREATED), "
                    + "SUM(CASE WHEN BREACHED OR RESPONSE_BREACHED THEN 0 ELSE 1 END), "
                    + "SUM(CASE WHEN ASSIGNMENTS <= 1 THEN 1 ELSE 0 END) FROM INC_TICKET "
                    + "WHERE RESOLVED >= ? AND RESOLVED < ?")) {
                ps.setLong(1, f);
                ps.setLong(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    resolved = rs.getLong(1);
                    if (resolved > 0) {
                        mttr = Duration.ofMillis(rs.getLong(2));
                        compliance = (int) (rs.getLong(3) * 100 / resolved);
                        fcr = (int) (rs.getLong(4) * 100 / resolved);
                    }
                }
            }
            Map<Priority, Long> backlog = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                backlog.put(p, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT PRIORITY, COUNT(*) FROM INC_TICKET WHERE " + OPEN + " GROUP BY PRIORITY")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        backlog.put(Priority.values()[rs.getInt(1) - 1], rs.getLong(2));
                    }
                }
            }
            Map<String, Long> byAge = new LinkedHashMap<>();
            long day = Duration.ofDays(1).toMillis();
            long n = now.toEpochMilli();
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN CREATED > ? THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN CREATED <= ? AND CREATED > ? THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN CREATED <= ? THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN BREACHED OR RESPONSE_BREACHED THEN 1 ELSE 0 END) FROM INC_TICKET WHERE " + OPEN)) {
                ps.setLong(1, n - day);
                ps.setLong(2, n - day);
                ps.setLong(3, n - 7 * day);
                ps.setLong(4, n - 7 * day);
                long breached;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    byAge.put("<1d", rs.getLong(1));
                    byAge.put("1-7d", rs.getLong(2));
                    byAge.put(">7d", rs.getLong(3));
                    breached = rs.getLong(4);
                }
                return new Metrics(mtta, mttr, backlog, byAge, resolved, compliance, fcr, breached);
            }
        }
    }
}
