package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.opsbench.core.Priority;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.TicketState;

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
        if (q.sort() == QueueQuery.Sort.SLA_DEADLINE && q.scope() == QueueQuery.Scope.ALL
                && (long) q.offset() + q.limit() <= MERGE_LIMIT) {
            return byDeadline(dataSource, q);
        }
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

    /** Up to this many rows per state and priority ({@code offset + limit}) the deadline page is merged in memory. */
    static final int MERGE_LIMIT = 2000;

    /**
     * A page of all tickets by SLA deadline: one scan of INC_TICKET_QUEUE (STATE, PRIORITY, RESOLUTION_DUE, ID) per
     * state and priority asked for, each read in index order and stopped after {@code offset + limit} rows, merged
     * here. A single query with IN lists would read and sort every match (the index orders by state first); a million
     * tickets make that hundreds of milliseconds, the merge reads at most 35 short index ranges.
     */
    private static List<TicketRow> byDeadline(DataSource dataSource, QueueQuery q) throws SQLException {
        List<String> states = (q.states().isEmpty() ? EnumSet.allOf(TicketState.class) : q.states()).stream()
                .map(Enum::name).sorted().toList();
        List<Integer> priorities = (q.priorities().isEmpty() ? EnumSet.allOf(Priority.class) : q.priorities())
                .stream().map(p -> p.ordinal() + 1).sorted().toList();
        List<Object> text = new ArrayList<>();
        String textTerm = text(q, text);
        String dir = q.ascending() ? " ASC" : " DESC";
        int want = q.offset() + q.limit();
        // the index named: the optimizer does not weigh FETCH FIRST, and with statistics that no longer match the
        // states (a mass update leaves them behind) it may prefer reading every match and sorting
        String sql = "SELECT " + TicketStore.COLUMNS + " FROM INC_TICKET --DERBY-PROPERTIES index=INC_TICKET_QUEUE\n"
                + "WHERE STATE = ? AND PRIORITY = ?" + (textTerm.isEmpty() ? "" : " AND " + textTerm)
                + " ORDER BY RESOLUTION_DUE" + dir + ", ID" + dir + " FETCH FIRST " + want + " ROWS ONLY";
        // Derby's order: no deadline after every deadline ascending, before them descending
        Comparator<TicketRow> order = Comparator
                .comparing((TicketRow t) -> t.resolutionDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(t -> t.id);
        if (!q.ascending()) {
            order = order.reversed();
        }
        List<TicketRow> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String state : states) {
                for (int priority : priorities) {
                    ps.setString(1, state);
                    ps.setInt(2, priority);
                    for (int i = 0; i < text.size(); i++) {
                        ps.setString(3 + i, (String) text.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            all.add(TicketStore.read(rs));
                        }
                    }
                }
            }
        }
        all.sort(order);
        return List.copyOf(all.subList(Math.min(q.offset(), all.size()), Math.min(want, all.size())));
    }

    /** The text term ({@code ""} for none) and its parameters. */
    private static String text(QueueQuery q, List<Object> params) {
        if (q.text().isEmpty()) {
            return "";
        }
        params.add("%" + q.text().toLowerCase().replace("%", "").replace("_", "") + "%");
        params.add(q.text().toUpperCase());
        return "(TITLE_LC LIKE ? OR REFERENCE = ?)";
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
        String text = text(q, params);
        if (!text.isEmpty()) {
            terms.add(text);
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

}
