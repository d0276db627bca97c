package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.persistence.DatabaseBackup;

/** Online backup of the running database, and restore into another folder. */
class BackupTest {

    @RegisterExtension
    static final DerbyDatabase DB = new DerbyDatabase();

    @Test
    void onlineBackupRestoredIntoANewLocationHoldsTheDataOfItsTime() throws Exception {
        DataSource ds = DB.dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE NOTES (ID INT PRIMARY KEY, TEXT VARCHAR(40))");
            s.executeUpdate("INSERT INTO NOTES VALUES (1, 'before backup'), (2, 'also before')");
        }
        DatabaseBackup backups = DB.service(DatabaseBackup.class);
        Path folder = DB.newFolder("backups-");
        Path backup = backups.backup(folder);
        assertTrue(backup.startsWith(folder.toAbsolutePath()), backup.toString());
        assertTrue(backup.getParent().getFileName().toString().startsWith("opsbench-backup-"), backup.toString());
        assertTrue(Files.isRegularFile(backup.resolve("service.properties")));

        // work goes on after the backup: not in it
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO NOTES VALUES (3, 'after backup')");
        }

        Path restored = DB.newFolder("restored-").resolve("db");
        backups.restore(backup, restored);
        assertEquals(List.of("before backup", "also before"), notesIn(restored));
    }

    @Test
    void restoreIntoTheLiveDatabaseIsRefused() throws Exception {
        DatabaseBackup backups = DB.service(DatabaseBackup.class);
        Path backup = backups.backup(DB.newFolder("backups-"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backups.restore(backup, DB.folder().resolve("db")));
        assertTrue(e.getMessage().contains("stop Opsbench"), e.getMessage());
    }

    private static List<String> notesIn(Path database) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(database.toString());
        List<String> notes = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TEXT FROM NOTES ORDER BY ID")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        } finally {
            ds.setShutdownDatabase("shutdown");
            try {
                ds.getConnection().close();
            } catch (SQLException expected) {
                // 08006: database shut down
            }
        }
        return notes;
    }
}
