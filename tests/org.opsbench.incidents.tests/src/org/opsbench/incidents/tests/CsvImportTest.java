package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Priority;
import org.opsbench.incidents.ImportResult;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.internal.store.ImportRows;
import org.opsbench.persistence.Database;
import org.opsbench.testing.Services;

/** CSV import in one transaction with line-numbered errors, and the export that imports again. */
class CsvImportTest {

    private static QueueQuery byText(String text) {
        return new QueueQuery(QueueQuery.Scope.ALL, Set.of(), Set.of(), text, QueueQuery.Sort.REFERENCE, true, 0,
                1000);
    }

    @Test
    void aGoodFileImportsEveryLine() throws Exception {
        String tag = "csvgood" + Desk.RUN;
        String csv = "title,impact,urgency,kind,description,category\n"
                + tag + " printer jam,3,3,,\"paper, everywhere\nsecond line\",printing\n"
                + tag + " mail down,1,1,INCIDENT,,mail\n"
                + "\n"
                + tag + " new monitor,3,2,request,,hardware\n";
        ImportResult r = Desk.incidents().importCsv(Desk.OPS, new StringReader(csv));
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.imported());
        List<Ticket> tickets = Desk.incidents().queue(Desk.OPS, byText(tag));
        assertEquals(3, tickets.size());
        Ticket jam = tickets.stream().filter(t -> t.title().endsWith("jam")).findFirst().orElseThrow();
        assertEquals("paper, everywhere\nsecond line", jam.description());
        assertEquals(Priority.P5, jam.priority());
        assertTrue(tickets.stream().anyMatch(t -> t.reference().startsWith("REQ-")));
        assertTrue(r.references().stream().anyMatch(s -> s.startsWith("INC-")), r.references().toString());
    }

    @Test
    void aBadLineRejectsTheWholeFileWithLineNumbers() throws Exception {
        String tag = "csvbad" + Desk.RUN;
        long before = Desk.incidents().count(Desk.OPS, byText(""));
        String csv = "title,impact,urgency,group\n"
                + tag + " one,1,2,\n"
                + tag + " two,9,2,\n"
                + ",2,2,\n"
                + tag + " four,2,x,\n"
                + tag + " five,2,2,no-such-group\n";
        ImportResult r = Desk.incidents().importCsv(Desk.OPS, new StringReader(csv));
        assertEquals(0, r.imported());
        assertEquals(List.of("line 3: impact: a level from 1 (highest) to 3, was 9", "line 4: title: is required",
                "line 5: urgency: a level number (1 = highest), was 'x'",
                "line 6: group: no assignment group 'no-such-group'"), r.errors());
        assertEquals(List.of(), Desk.incidents().queue(Desk.OPS, byText(tag)), "nothing imported, not even line 2");
        assertEquals(before, Desk.incidents().count(Desk.OPS, byText("")));
    }

    @Test
    void aBadLastLineOfALargeFileLeavesNothingAndNoNumberUsed() throws Exception {
        String tag = "csvlast" + Desk.RUN;
        long first = lastNumber(Desk.incidents().importCsv(Desk.OPS,
                new StringReader("title,impact,urgency\n" + tag + " before,3,3\n")));
        long before = Desk.incidents().count(Desk.OPS, byText(""));
        StringBuilder csv = new StringBuilder("title,impact,urgency,kind\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(tag).append(" line ").append(i).append(",2,2,").append(i % 3 == 0 ? "request" : "").append('\n');
        }
        csv.append(tag).append(" last,2,0,\n");
        ImportResult r = Desk.incidents().importCsv(Desk.OPS, new StringReader(csv.toString()));
        assertEquals(0, r.imported());
        assertEquals(List.of("line 5002: urgency: a level from 1 (highest) to 3, was 0"), r.errors());
        assertEquals(before, Desk.incidents().count(Desk.OPS, byText("")), "none of the 5,000 good lines kept");
        // the counters were rolled back too: the next import takes the number after the one before
        long next = lastNumber(Desk.incidents().importCsv(Desk.OPS,
                new StringReader("title,impact,urgency\n" + tag + " after,3,3\n")));
        assertEquals(first + 1, next);
    }

    @Test
    void intoTheFilledTableTheImportTakesJdbcBatches() throws Exception {
        String tag = "csvpath" + Desk.RUN;
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            if (ImportRows.supported(c)) {
                // the product's data source on embedded Derby: the table function only into an empty table (a bulk
                // load, see BulkImportTest); the shared table holds tickets, so no statement reads the function
                long before = count(s, BulkImportTest.FUNCTION_STATEMENTS);
                ImportResult r = Desk.incidents().importCsv(Desk.OPS,
                        new StringReader("title,impact,urgency\n" + tag + " one,3,3\n" + tag + " two,3,2\n"));
                assertEquals(2, r.imported());
                assertTrue(count(s, BulkImportTest.FUNCTION_STATEMENTS) <= before,
                        "no INSERT ... SELECT from INC_IMPORT_ROWS was compiled");
                assertEquals(2, Desk.incidents().count(Desk.OPS, byText(tag)));
            } else {
                // PostgreSQL: the JDBC batches, and migration V5 created nothing
                assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
                assertEquals(0, count(s, "SELECT COUNT(*) FROM pg_proc WHERE proname = 'inc_import_rows'"));
            }
        }
    }

    /** The product's data source the incidents area writes to. */
    private static DataSource dataSource() throws Exception {
        return Services.await(Desk.context(), DataSource.class, Database.DEFAULT_DATASOURCE_FILTER,
                Duration.ofSeconds(20));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The number of the last reference of a one-kind import result such as {@code INC-000007..INC-000009}. */
    private static long lastNumber(ImportResult r) {
        assertEquals(List.of(), r.errors());
        String range = r.references().get(0);
        return Long.parseLong(range.substring(range.lastIndexOf('-') + 1));
    }

    @Test
    void headerProblemsAreNamed() throws Exception {
        ImportResult r = Desk.incidents().importCsv(Desk.OPS, new StringReader("title,impakt\nx,1\n"));
        assertEquals(List.of("line 1: unknown column 'impakt'; known: [kind, title, description, caller, category, "
                + "impact, urgency, group, assignee, cis]", "line 1: the column 'impact' is required",
                "line 1: the column 'urgency' is required"), r.errors());
        assertEquals(List.of("line 1: the file is empty; the first line names the columns [kind, title, description, "
                + "caller, category, impact, urgency, group, assignee, cis]"),
                Desk.incidents().importCsv(Desk.OPS, new StringReader("")).errors());
    }

    @Test
    void theExportImportsAgain() throws Exception {
        String tag = "csvround" + Desk.RUN;
        ImportResult first = Desk.incidents().importCsv(Desk.OPS, new StringReader("title,impact,urgency,caller\n"
                + tag + " vpn,2,1,\"Bob \"\"B\"\" Smith\"\n" + tag + " wifi,3,1,\n"));
        assertEquals(List.of(), first.errors());
        assertEquals(2, first.imported(), first.toString());
        StringWriter out = new StringWriter();
        long exported = Desk.incidents().exportCsv(Desk.OPS, byText(tag), out);
        String csv = out.toString();
        assertEquals(2, exported, () -> "import " + first + ", export:\n" + csv + "rows in the table:\n" + rows(tag));
        assertTrue(csv.startsWith("reference,kind,title,description,caller,category,impact,urgency,group,assignee,"
                + "cis,state,priority,created,resolution_due\n"), csv);
        assertTrue(csv.contains(",\"Bob \"\"B\"\" Smith\","), csv);
        ImportResult again = Desk.incidents().importCsv(Desk.OPS, new StringReader(csv));
        assertEquals(List.of(), again.errors());
        assertEquals(2, again.imported(), again.toString());
        List<Ticket> both = Desk.incidents().queue(Desk.OPS, byText(tag));
        assertEquals(4, both.size(),
                () -> "import " + again + ", queue " + both.stream().map(Ticket::reference).toList()
                        + ", rows in the table:\n" + rows(tag));
    }

    /** The rows whose title holds {@code tag}, read straight from INC_TICKET, for a failure message. */
    private static String rows(String tag) {
        StringBuilder b = new StringBuilder();
        try {
            try (Connection c = dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT ID, REFERENCE, TITLE, TITLE_LC, STATE, UPDATED FROM INC_TICKET WHERE TITLE LIKE ?")) {
                ps.setString(1, "%" + tag + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(" '").append(rs.getString(3))
                                .append("' '").append(rs.getString(4)).append("' ").append(rs.getString(5)).append(' ')
                                .append(rs.getLong(6)).append('\n');
                    }
                }
                if (ImportRows.supported(c)) {
                    // an index that lost an entry would show here (the rows above come from a table scan)
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(CURRENT SCHEMA, "
                                    + "'INC_TICKET')")) {
                        rs.next();
                        b.append("SYSCS_CHECK_TABLE: ").append(rs.getInt(1)).append('\n');
                    } catch (SQLException e) {
                        b.append("SYSCS_CHECK_TABLE: ").append(e.getMessage()).append('\n');
                    }
                }
            }
        } catch (Exception e) {
            b.append("(could not read: ").append(e).append(')');
        }
        return b.toString();
    }
}
