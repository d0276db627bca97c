package org.opsbench.assets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsbench.assets.RelationshipKind;

/** The relationships table in plain JDBC, on the caller's connection. */
public final class RelationshipStore {

    /** A row of {@code ASSET_RELATIONSHIP}. */
    public record Row(long id, String sourceId, RelationshipKind kind, String targetId) {
    }

    private RelationshipStore() {
    }

    /** The existing relationship of that kind between the two. */
    public static Optional<Row> find(Connection c, String sourceId, RelationshipKind kind, String targetId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ID FROM ASSET_RELATIONSHIP WHERE SOURCE_ID = ? AND KIND = ? AND TARGET_ID = ?")) {
            s.setString(1, sourceId);
            s.setString(2, kind.name());
            s.setString(3, targetId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getLong(1), sourceId, kind, targetId)) : Optional.empty();
            }
        }
    }

    /** Inserts one and returns it with its id. */
    public static Row insert(Connection c, String sourceId, RelationshipKind kind, String targetId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO ASSET_RELATIONSHIP (SOURCE_ID, KIND, TARGET_ID) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, sourceId);
            s.setString(2, kind.name());
            s.setString(3, targetId);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Row(keys.getLong(1), sourceId, kind, targetId);
            }
        }
    }

    /** The relationship with {@code id}. */
    public static Optional<Row> get(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new Row(id, r.getString(1), RelationshipKind.valueOf(r.getString(2)),
                                r.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Deletes one. */
    public static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ASSET_RELATIONSHIP WHERE ID = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() > 0;
        }
    }

    /** Every relationship the item takes part in. */
    public static List<Row> of(Connection c, String id) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP"
                + " WHERE SOURCE_ID = ? UNION SELECT ID, SOURCE_ID, KIND, TARGET_ID FROM ASSET_RELATIONSHIP"
                + " WHERE TARGET_ID = ?")) {
            s.setString(1, id);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Row(r.getLong(1), r.getString(2), RelationshipKind.valueOf(r.getString(3)),
                            r.getString(4)));
                }
            }
        }
        return out;
    }
}
