package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.core.Principal;
import org.opsbench.persistence.Database;
import org.opsbench.testing.Services;

/** Self-backup of Opsbench's own Derby database and its restore, compared row for row with the live database. */
class SelfBackupTest {

    private static final Principal OPS = Principal.system("backup-tests");

    /** Every row of every user table, as sorted text lines. */
    private static Map<String, List<String>> rows(Connection c) throws SQLException {
        Map<String, List<String>> all = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet t = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_SCHEM") + "." + t.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            List<String> lines = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = r.getObject(i);
                        if (v instanceof java.sql.Clob clob) {
                            v = clob.getSubString(1, (int) clob.length());
                        } else if (v instanceof java.sql.Blob blob) {
                            v = java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
                        } else if (v instanceof byte[] b) {
                            v = java.util.HexFormat.of().formatHex(b);
                        }
                        line.append(v).append('|');
                    }
                    lines.add(line.toString());
                }
            }
            Collections.sort(lines);
            all.put(table, lines);
        }
        return all;
    }

    @Test
    void theDatabaseBacksUpOnlineAndRestoresEqualRowForRow(@TempDir Path repo, @TempDir Path restored)
            throws Exception {
        Backup backup = Osgi.service(Backup.class);
        String job = "self-" + BackupHost.RUN;
        backup.saveJob(OPS, new JobDefinition(job, "Opsbench database", SourceKind.DATABASE, "", 0, "", "", List.of(),
                "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                new Retention(7, 7, 4, 12, 0), "", "", true));
        DataSource live = Services.await(Osgi.context(), DataSource.class, Database.DEFAULT_DATASOURCE_FILTER,
                Osgi.TIMEOUT);

        long id = backup.startRun(OPS, job);
        RunRecord run = backup.awaitRun(OPS, id, Duration.ofSeconds(120));
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        Map<String, List<String>> before;
        try (Connection c = live.getConnection()) {
            before = rows(c);
        }
        assertTrue(backup.verify(OPS, id).passed());

        Path folder = restored.resolve("db");
        String log = backup.restoreDatabase(OPS, id, folder);
        assertTrue(log.contains("restored the database"), log);

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.toString());
        Map<String, List<String>> after;
        try (Connection c = ds.getConnection()) {
            after = rows(c);
        } finally {
            try {
                ds.setShutdownDatabase("shutdown");
                ds.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a shutdown as an exception
            }
        }
        assertEquals(before.keySet(), after.keySet(), "the same tables");
        int compared = 0;
        for (String table : before.keySet()) {
            List<String> was = before.get(table);
            List<String> is = after.get(table);
            if (table.endsWith(".BKP_RUN")) {
                // the run that took the backup was RUNNING inside it and SUCCEEDED by now
                was = was.stream().filter(l -> !l.startsWith(id + "|")).toList();
                is = is.stream().filter(l -> !l.startsWith(id + "|")).toList();
            }
            if (table.contains("AUDIT")) {
                // the audit trail only grows: everything in the backup is in the live trail
                assertTrue(was.containsAll(is), table + ": the backup's audit rows are in the live trail");
                continue;
            }
            assertEquals(was, is, table + " row for row");
            compared += is.size();
        }
        assertTrue(compared > 0, "rows were compared");
        String jobs = after.keySet().stream().filter(t -> t.endsWith(".BKP_JOB")).findFirst().orElseThrow();
        assertTrue(after.get(jobs).stream().anyMatch(l -> l.startsWith(job + "|")), "the job is in it");
    }
}
