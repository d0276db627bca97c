package org.opsbench.assets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.opsbench.assets.HistoryEntry;

/** The history of items ({@code ASSET_HISTORY}), on the caller's connection. */
public final class HistoryStore {

    private HistoryStore() {
    }

    /** Appends history entries. */
    public static void append(Connection c, Collection<HistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ASSET_HISTORY (CI_ID, AT_MILLIS, PRINCIPAL, FIELD,"
                + " OLD_VALUE, NEW_VALUE, SOURCE) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (HistoryEntry h : entries) {
                s.setString(1, h.ciId());
                s.setLong(2, h.time().toEpochMilli());
                s.setString(3, h.principal());
                s.setString(4, clip(h.field(), 220));
                s.setString(5, clip(h.before(), 4000));
                s.setString(6, clip(h.after(), 4000));
                s.setString(7, clip(h.source(), 100));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** The item's history, newest first. */
    public static List<HistoryEntry> of(Connection c, String id, int limit) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT AT_MILLIS, PRINCIPAL, FIELD, OLD_VALUE, NEW_VALUE, SOURCE"
                + " FROM ASSET_HISTORY WHERE CI_ID = ? ORDER BY ID DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new HistoryEntry(id, Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        }
        return out;
    }

}
