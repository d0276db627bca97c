package org.opsbench.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.ChainVerification;

/** Reads the audit table: searches and the verification of the hash chain. */
public final class AuditReader {

    private static final String COLUMNS = "SEQ, TS, PRINCIPAL, PRINCIPAL_DISPLAY, PRINCIPAL_KIND, ACTION, OBJECT_TYPE,"
            + " OBJECT_ID, SUMMARY, BEFORE_VALUE, AFTER_VALUE, HASH";

    private final DataSource dataSource;

    public AuditReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records matching {@code query}, newest first ({@code ascending} for exports). */
    public void search(AuditQuery query, boolean ascending, Consumer<AuditRecord> sink) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM SECURITY_AUDIT WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND TS >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND TS < ?");
            args.add(query.to().toEpochMilli());
        }
        condition(sql, args, "PRINCIPAL", query.principal());
        condition(sql, args, "OBJECT_TYPE", query.objectType());
        condition(sql, args, "OBJECT_ID", query.objectId());
        sql.append(ascending ? " ORDER BY SEQ ASC" : " ORDER BY SEQ DESC");
        if (query.limit() > 0) {
            sql.append(" FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(record(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** Recomputes the chain from the first record to the head. */
    public ChainVerification verify() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long expected = 1;
            String previous = AuditChain.GENESIS;
            try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM SECURITY_AUDIT ORDER BY SEQ")) {
                while (rs.next()) {
                    AuditRecord r = record(rs);
                    if (r.sequence() != expected) {
                        return broken(expected - 1, expected, r.sequence() > expected
                                ? "record " + expected + " is missing (deleted)"
                                : "record " + r.sequence() + " is out of place");
                    }
                    String hash = AuditChain.hash(previous, r.sequence(), r.time().toEpochMilli(), r.entry());
                    if (!hash.equals(r.hash())) {
                        return broken(expected - 1, expected, "record " + expected + " was changed");
                    }
                    previous = r.hash();
                    expected++;
                }
            }
            long last = expected - 1;
            try (ResultSet rs = s.executeQuery("SELECT SEQ, HASH FROM SECURITY_AUDIT_HEAD WHERE ID = 1")) {
                if (!rs.next()) {
                    return broken(last, last + 1, "the chain head is missing");
                }
                if (rs.getLong(1) != last || !rs.getString(2).equals(previous)) {
                    return broken(last, last + 1, "records after " + last + " are missing (the head names "
                            + rs.getLong(1) + ")");
                }
            }
            return new ChainVerification(true, last, 0, "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static ChainVerification broken(long checked, long at, String problem) {
        return new ChainVerification(false, checked, at, problem);
    }

    private static void condition(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        Principal p = new Principal(rs.getString(3), rs.getString(4), Principal.Kind.valueOf(rs.getString(5)));
        AuditEntry e = new AuditEntry(p, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11));
        return new AuditRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), e, rs.getString(12));
    }
}
