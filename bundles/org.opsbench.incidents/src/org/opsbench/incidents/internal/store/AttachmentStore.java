package org.opsbench.incidents.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.incidents.Attachment;

/** The attachments of tickets in plain JDBC (content in a BLOB column, read separately from the list). */
public final class AttachmentStore {

    private AttachmentStore() {
    }

    /** Stores an attachment in the caller's transaction. */
    public static long add(Connection c, long ticketId, String name, String type, byte[] content,
            Instant at, String author) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO INC_ATTACHMENT (TICKET_ID, NAME, CONTENT_TYPE, "
                + "SIZE_BYTES, AT_MS, AUTHOR, CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?)", TicketStore.idColumn(c))) {
            ps.setLong(1, ticketId);
            ps.setString(2, name);
            ps.setString(3, type);
            ps.setLong(4, content.length);
            ps.setLong(5, at.toEpochMilli());
            ps.setString(6, author);
            ps.setBytes(7, content);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The attachments of a ticket. */
    public static List<Attachment> list(DataSource dataSource, long ticketId) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, CONTENT_TYPE, SIZE_BYTES, AT_MS, AUTHOR "
                        + "FROM INC_ATTACHMENT WHERE TICKET_ID = ? ORDER BY ID")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** The content of an attachment. */
    public static Optional<byte[]> content(DataSource dataSource, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT CONTENT FROM INC_ATTACHMENT WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** An attachment with the reference of its ticket. */
    public record AttachmentOf(Attachment attachment, String ticketReference) {
    }

    /** The attachment {@code id} and its ticket, in the caller's transaction. */
    public static Optional<AttachmentOf> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT A.ID, A.NAME, A.CONTENT_TYPE, A.SIZE_BYTES, A.AT_MS, "
                + "A.AUTHOR, T.REFERENCE FROM INC_ATTACHMENT A JOIN INC_TICKET T ON T.ID = A.TICKET_ID WHERE A.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new AttachmentOf(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)), rs.getString(7)))
                        : Optional.empty();
            }
        }
    }

    /** Deletes the attachment {@code id} in the caller's transaction. */
    public static void remove(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM INC_ATTACHMENT WHERE ID = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

}
