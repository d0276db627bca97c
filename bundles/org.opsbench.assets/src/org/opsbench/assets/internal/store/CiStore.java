package org.opsbench.assets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleState;

/**
 * The configuration items in plain JDBC on the area's tables. Every method works on the caller's connection, so that a
 * service call (item, history, identifiers) is one transaction; nothing here commits.
 */
public final class CiStore {

    /** Item ids per {@code IN} list: one prepared statement shape, padded with the last id. */
    static final int BATCH = 200;

    private CiStore() {
    }

    /** The key names are unique by (type, lower-case name). */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The item with {@code id}, complete with attributes, facts, tags and groups. */
    public static Optional<ConfigurationItem> get(Connection c, String id) throws SQLException {
        Map<String, Row> rows = rows(c, List.of(id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(complete(c, rows, true).get(0));
    }

    /** The id of the item of {@code type} named {@code name}. */
    public static Optional<String> idByName(Connection c, String type, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM ASSET_CI WHERE CI_TYPE = ? AND NAME_KEY = ?")) {
            s.setString(1, type);
            s.setString(2, nameKey(name));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Inserts a new item. */
    public static void insert(Connection c, String id, CiSpec spec, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ASSET_CI (ID, CI_TYPE, NAME, NAME_KEY, LIFECYCLE,"
                + " CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, spec.type());
            s.setString(3, spec.name().strip());
            s.setString(4, nameKey(spec.name()));
            s.setString(5, spec.lifecycle().name());
            s.setLong(6, now.toEpochMilli());
            s.setLong(7, now.toEpochMilli());
            s.executeUpdate();
        }
        putMap(c, "ASSET_ATTRIBUTE", id, Map.of(), spec.attributes());
        putSet(c, "ASSET_TAG", "TAG", id, Set.of(), spec.tags());
        putSet(c, "ASSET_GROUP", "GROUP_NAME", id, Set.of(), spec.groups());
    }

    /** Changes name and lifecycle and marks the item changed now. */
    public static void updateCore(Connection c, String id, String name, LifecycleState state, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE ASSET_CI SET NAME = ?, NAME_KEY = ?, LIFECYCLE = ?, UPDATED_AT = ? WHERE ID = ?")) {
            s.setString(1, name.strip());
            s.setString(2, nameKey(name));
            s.setString(3, state.name());
            s.setLong(4, now.toEpochMilli());
            s.setString(5, id);
            s.executeUpdate();
        }
    }

    /** Marks the item changed now. */
    public static void touch(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ASSET_CI SET UPDATED_AT = ? WHERE ID = ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    /** Writes the difference from {@code before} to {@code after} into the attribute table. */
    public static void putAttributes(Connection c, String id, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        putMap(c, "ASSET_ATTRIBUTE", id, before, after);
    }

    /** Writes the difference from {@code before} to {@code after} into the fact table. */
    public static void putFacts(Connection c, String id, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        putMap(c, "ASSET_FACT", id, before, after);
    }

    /** Writes the difference of the tags. */
    public static void putTags(Connection c, String id, Set<String> before, Set<String> after) throws SQLException {
        putSet(c, "ASSET_TAG", "TAG", id, before, after);
    }

    /** Writes the difference of the groups. */
    public static void putGroups(Connection c, String id, Set<String> before, Set<String> after) throws SQLException {
        putSet(c, "ASSET_GROUP", "GROUP_NAME", id, before, after);
    }

    private static void putMap(Connection c, String table, String id, Map<String, String> before,
            Map<String, String> after) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE CI_ID = ? AND NAME = ?");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE " + table + " SET VAL = ? WHERE CI_ID = ? AND NAME = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO " + table + " (CI_ID, NAME, VAL) VALUES (?, ?, ?)")) {
            int deletes = 0;
            int updates = 0;
            int inserts = 0;
            for (String name : before.keySet()) {
                if (!after.containsKey(name)) {
                    delete.setString(1, id);
                    delete.setString(2, name);
                    delete.addBatch();
                    deletes++;
                }
            }
            for (Map.Entry<String, String> e : after.entrySet()) {
                String old = before.get(e.getKey());
                if (old == null) {
                    insert.setString(1, id);
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue());
                    insert.addBatch();
                    inserts++;
                } else if (!old.equals(e.getValue())) {
                    update.setString(1, e.getValue());
                    update.setString(2, id);
                    update.setString(3, e.getKey());
                    update.addBatch();
                    updates++;
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void putSet(Connection c, String table, String column, String id, Set<String> before,
            Set<String> after) throws SQLException {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        if (!gone.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM " + table + " WHERE CI_ID = ? AND " + column + " = ?")) {
                for (String v : gone) {
                    s.setString(1, id);
                    s.setString(2, v);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!added.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO " + table + " (CI_ID, " + column + ") VALUES (?, ?)")) {
                for (String v : added) {
                    s.setString(1, id);
                    s.setString(2, v);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** Deletes the item; attributes, facts, tags, groups, relationships and identifiers go with it. */
    public static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ASSET_CI WHERE ID = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        }
    }

    /** The item that holds the stable identifier {@code kind:value}. */
    public static Optional<String> byIdentifier(Connection c, String kind, String value) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("SELECT CI_ID FROM ASSET_IDENTIFIER WHERE KIND = ? AND VAL = ?")) {
            s.setString(1, kind);
            s.setString(2, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Gives the stable identifier {@code kind:value} to the item {@code id} (taking it from another item). */
    public static void putIdentifier(Connection c, String kind, String value, String id) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("UPDATE ASSET_IDENTIFIER SET CI_ID = ? WHERE KIND = ? AND VAL = ?")) {
            s.setString(1, id);
            s.setString(2, kind);
            s.setString(3, value);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c
                .prepareStatement("INSERT INTO ASSET_IDENTIFIER (KIND, VAL, CI_ID) VALUES (?, ?, ?)")) {
            s.setString(1, kind);
            s.setString(2, value);
            s.setString(3, id);
            s.executeUpdate();
        }
    }

    /** How many items each type has. */
    public static Map<String, Long> countByType(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CI_TYPE, COUNT(*) FROM ASSET_CI GROUP BY CI_TYPE");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    /** A page of items (with attributes, tags and groups; facts only when {@code withFacts}). */
    public static CiPage find(Connection c, CiQuery q, boolean withFacts) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (q.type() != null && !q.type().isBlank()) {
            where.append(" AND CI_TYPE = ?");
            params.add(q.type());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND NAME_KEY LIKE ? ESCAPE '\\'");
            params.add("%" + nameKey(q.text()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.lifecycle() != null) {
            where.append(" AND LIFECYCLE = ?");
            params.add(q.lifecycle().name());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            where.append(" AND ID IN (SELECT CI_ID FROM ASSET_TAG WHERE TAG = ?)");
            params.add(q.tag());
        }
        if (q.group() != null && !q.group().isBlank()) {
            where.append(" AND ID IN (SELECT CI_ID FROM ASSET_GROUP WHERE GROUP_NAME = ?)");
            params.add(q.group());
        }
        String dir = q.ascending() ? " ASC" : " DESC";
        String order = switch (q.sort()) {
            // (CI_TYPE, NAME_KEY) is unique and indexed: with a type filter Derby reads the page in index order
            case NAME -> "NAME_KEY" + dir + ", CI_TYPE" + dir;
            case TYPE -> "CI_TYPE" + dir + ", NAME_KEY, ID";
            case LIFECYCLE -> "LIFECYCLE" + dir + ", NAME_KEY, ID";
            case UPDATED -> "UPDATED_AT" + dir + ", NAME_KEY, ID";
        };
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ASSET_CI" + where)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, CI_TYPE, NAME, LIFECYCLE, UPDATED_AT FROM ASSET_CI"
                + where + " ORDER BY " + order + " OFFSET " + q.offset() + " ROWS FETCH NEXT " + q.limit()
                + " ROWS ONLY")) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Row row = row(r);
                    rows.put(row.id, row);
                }
            }
        }
        return new CiPage(complete(c, rows, withFacts), total);
    }

    private static void bind(PreparedStatement s, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setString(i + 1, params.get(i));
        }
    }

    /** Core rows of {@code ids}, in the order given. */
    public static Map<String, Row> rows(Connection c, List<String> ids) throws SQLException {
        Map<String, Row> found = new HashMap<>();
        forBatches(c, "SELECT ID, CI_TYPE, NAME, LIFECYCLE, UPDATED_AT FROM ASSET_CI WHERE ID IN ", ids, r -> {
            Row row = row(r);
            found.put(row.id, row);
        });
        Map<String, Row> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            Row r = found.get(id);
            if (r != null) {
                ordered.put(id, r);
            }
        }
        return ordered;
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString(1), r.getString(2), r.getString(3), LifecycleState.valueOf(r.getString(4)),
                Instant.ofEpochMilli(r.getLong(5)));
    }

    /** A row of {@code ASSET_CI}. */
    public record Row(String id, String type, String name, LifecycleState lifecycle, Instant updated) {
    }

    /** Reads one result row. */
    @FunctionalInterface
    public interface RowReader {
        /** Reads the current row. */
        void read(ResultSet r) throws SQLException;
    }

    /**
     * Runs {@code sqlPrefix + "(?, ?, ...)"} for the ids in batches of {@value #BATCH} (the last batch padded with its
     * last id, so that one statement shape serves all) and hands every row to {@code reader}.
     */
    public static void forBatches(Connection c, String sqlPrefix, List<String> ids, RowReader reader)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String marks = "(" + "?, ".repeat(BATCH - 1) + "?)";
        try (PreparedStatement s = c.prepareStatement(sqlPrefix + marks)) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
                for (int i = 0; i < BATCH; i++) {
                    s.setString(i + 1, part.get(Math.min(i, part.size() - 1)));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reader.read(r);
                    }
                }
            }
        }
    }

    private static List<ConfigurationItem> complete(Connection c, Map<String, Row> rows, boolean withFacts)
            throws SQLException {
        List<String> ids = new ArrayList<>(rows.keySet());
        Map<String, Map<String, String>> attributes = new HashMap<>();
        Map<String, Map<String, String>> facts = new HashMap<>();
        Map<String, Set<String>> tags = new HashMap<>();
        Map<String, Set<String>> groups = new HashMap<>();
        forBatches(c, "SELECT CI_ID, NAME, VAL FROM ASSET_ATTRIBUTE WHERE CI_ID IN ", ids,
                r -> attributes.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2),
                        r.getString(3)));
        if (withFacts) {
            forBatches(c, "SELECT CI_ID, NAME, VAL FROM ASSET_FACT WHERE CI_ID IN ", ids,
                    r -> facts.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2),
                            r.getString(3)));
        }
        forBatches(c, "SELECT CI_ID, TAG FROM ASSET_TAG WHERE CI_ID IN ", ids,
                r -> tags.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2)));
        forBatches(c, "SELECT CI_ID, GROUP_NAME FROM ASSET_GROUP WHERE CI_ID IN ", ids,
                r -> groups.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2)));
        List<ConfigurationItem> out = new ArrayList<>();
        for (Row r : rows.values()) {
            out.add(new ConfigurationItem(r.id, r.type, r.name, r.lifecycle, attributes.getOrDefault(r.id, Map.of()),
                    facts.getOrDefault(r.id, Map.of()), tags.getOrDefault(r.id, Set.of()),
                    groups.getOrDefault(r.id, Set.of()), r.updated));
        }
        return out;
    }

    /** Ids of the items that have fact {@code name}, with its value. */
    public static Map<String, String> withFact(Connection c, String name) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CI_ID, VAL FROM ASSET_FACT WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }

    /** Items with attribute {@code name}: id to value. */
    public static Map<String, String> withAttribute(Connection c, String name) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CI_ID, VAL FROM ASSET_ATTRIBUTE WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }
}
