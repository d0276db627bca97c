package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.opsbench.incidents.QueueQuery;

/**
 * The queue's SQL for {@link TicketStore}: the WHERE clause of a {@link QueueQuery} (scope, states, priorities, text),
 * its order, the page, the count and the full scan of the export.
 */
final class QueueSql {

    private QueueSql() {
    }

    /** One queue page; {@code me} and {@code myGroups} resolve the scope. */
    static List<TicketRow> page(DataSource dataSource, QueueQuery q, String me, Collection<String> myGroups)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, me, myGroups, params);
        if (where == null) {
            return List.of();
        }
        String dir = q.ascending() ? " ASC" : " DESC";
        String order = switch (q.sort()) {
            // the id breaks ties so that pages are stable; INC_TICKET_QUEUE ends with it, so no sort is needed
            case SLA_DEADLINE -> "RESOLUTION_DUE" + dir + ", ID" + dir;
            case PRIORITY -> "PRIORITY" + dir + ", RESOLUTION_DUE, ID";
            case CREATED -> "CREATED" + dir + ", ID";
            case UPDATED -> "UPDATED" + dir + ", ID";
            case REFERENCE -> "REFERENCE" + dir;
            case STATE -> "STATE" + dir + ", RESOLUTION_DUE, ID";
        };
        String sql = "SELECT " + TicketStore.COLUMNS + " FROM INC_TICKET" + where + " ORDER BY " + order + " OFFSET "
                + q.offset()
                + " ROWS FETCH FIRST " + q.limit() + " ROWS ONLY";
        List<TicketRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TicketStore.read(rs));
                }
            }
        }
        return out;
    }

    /** How many rows the query matches. */
    static long count(DataSource dataSource, QueueQuery q, String me, Collection<String> myGroups) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, me, myGroups, params);
        if (where == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INC_TICKET" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every row the query matches (offset and limit ignored), in its order, streamed to {@code sink}. */
    static long scan(DataSource dataSource, QueueQuery q, String me, Collection<String> myGroups,
            TicketStore.RowSink sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, me, myGroups, params);
        if (where == null) {
            return 0;
        }
        long n = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + TicketStore.COLUMNS + " FROM INC_TICKET" + where + " ORDER BY REFERENCE")) {
            bind(ps, params);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(TicketStore.read(rs));
                    n++;
                }
            }
        }
        return n;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    /** The WHERE clause, or {@code null} when the scope matches nothing (a caller without groups). */
    private static String where(QueueQuery q, String me, Collection<String> myGroups, List<Object> params) {
        List<String> terms = new ArrayList<>();
        switch (q.scope()) {
            case MINE -> {
                terms.add("ASSIGNEE = ?");
                params.add(me);
            }
            case MY_GROUPS -> {
                if (myGroups.isEmpty()) {
                    return null;
                }
                StringJoiner in = new StringJoiner(", ", "GRP IN (", ")");
                for (String g : myGroups) {
                    in.add("?");
                    params.add(g);
                }
                terms.add(in.toString());
            }
            case ALL -> {
                // no restriction
            }
        }
        if (q.states().size() == 1) {
            // an equality (not a one-element IN list) lets Derby read the index in order
            terms.add("STATE = ?");
            params.add(q.states().iterator().next().name());
        } else if (!q.states().isEmpty()) {
            StringJoiner in = new StringJoiner(", ", "STATE IN (", ")");
            q.states().stream().sorted().forEach(s -> {
                in.add("?");
                params.add(s.name());
            });
            terms.add(in.toString());
        }
        if (q.priorities().size() == 1) {
            terms.add("PRIORITY = ?");
            params.add(q.priorities().iterator().next().ordinal() + 1);
        } else if (!q.priorities().isEmpty()) {
            StringJoiner in = new StringJoiner(", ", "PRIORITY IN (", ")");
            q.priorities().stream().sorted().forEach(p -> {
                in.add("?");
                params.add(p.ordinal() + 1);
            });
            terms.add(in.toString());
        }
        if (!q.text().isEmpty()) {
            terms.add("(TITLE_LC LIKE ? OR REFERENCE = ?)");
            params.add("%" + q.text().toLowerCase().replace("%", "").replace("_", "") + "%");
            params.add(q.text().toUpperCase());
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

}
