package org.opsbench.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.persistence.Database;
import org.opsbench.persistence.DatabaseBackup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link DatabaseBackup} with Derby's online backup procedure and its {@code restoreFrom} attribute; on PostgreSQL a
 * {@code pg_dump -Fc} into the backup folder (restored by hand with {@code pg_restore}).
 */
@Component(service = DatabaseBackup.class)
public final class DerbyBackup implements DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final String EMBEDDED_PREFIX = "jdbc:derby:";

    private final DataSource dataSource;
    private final Logger logger;

    /** Binds the shared data source. */
    @Activate
    public DerbyBackup(@Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    @Override
    public Path backup(Path folder) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (!"Apache Derby".equals(meta.getDatabaseProductName())) {
                if (SqlDialect.ofProduct(meta.getDatabaseProductName()) == SqlDialect.POSTGRESQL) {
                    return pgDump(folder);
                }
                throw new UnsupportedOperationException("online backup needs Derby; the shared database is "
                        + meta.getDatabaseProductName() + ": use its own backup tools");
            }
            Path target = newBackupFolder(folder.toAbsolutePath());
            long started = System.nanoTime();
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            }
            Path copy = databaseCopyIn(target);
            logger.info("Database backed up to {} in {} ms", copy, (System.nanoTime() - started) / 1_000_000);
            return copy;
        }
    }

    /** PostgreSQL: {@code pg_dump -Fc} into a new time-stamped folder, with the data source's own settings. */
    private Path pgDump(Path folder) throws SQLException, IOException {
        ConnectionSource source = dataSource.isWrapperFor(PooledDataSource.class)
                ? dataSource.unwrap(PooledDataSource.class).source()
                : null;
        if (!(source instanceof PostgresSource postgres)) {
            throw new UnsupportedOperationException("the shared database is PostgreSQL, but not reached through the"
                    + " Opsbench data source: back it up with pg_dump");
        }
        Path target = newBackupFolder(folder.toAbsolutePath());
        long started = System.nanoTime();
        PgDump.dump(postgres, target);
        logger.info("Database dumped with pg_dump to {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    private static Path newBackupFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        String base = "opsbench-backup-" + LocalDateTime.now().format(STAMP);
        Path candidate = folder.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(base + "-" + n);
        }
        return Files.createDirectory(candidate);
    }

    /** Derby writes the copy into a sub folder named like the database folder. */
    private static Path databaseCopyIn(Path target) throws IOException {
        try (var children = Files.list(target)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("service.properties"))).findFirst()
                    .orElseThrow(
                            () -> new IOException("Derby reported success but left no database copy in " + target));
        }
    }

    @Override
    public void restore(Path backupDatabase, Path targetDatabase) throws SQLException {
        Path backup = backupDatabase.toAbsolutePath().normalize();
        Path target = targetDatabase.toAbsolutePath().normalize();
        if (Files.isRegularFile(backup.resolve(PgDump.DUMP_FILE))) {
            throw new IllegalArgumentException(backup + " is a PostgreSQL dump: restore it with pg_restore into an"
                    + " empty database while Opsbench is stopped (pg_restore --clean --if-exists -d <database> "
                    + backup.resolve(PgDump.DUMP_FILE) + "), see docs/server.md");
        }
        if (!Files.isRegularFile(backup.resolve("service.properties"))) {
            throw new IllegalArgumentException(backup + " is no Derby database backup (service.properties is missing)");
        }
        if (backup.toString().contains(";") || target.toString().contains(";")) {
            throw new IllegalArgumentException("Derby cannot restore paths that contain ';'");
        }
        if (liveDatabase().filter(target::equals).isPresent()) {
            throw new IllegalArgumentException(target + " is the database Opsbench runs on: stop Opsbench and restore"
                    + " by hand (see DatabaseBackup), or restore into another folder");
        }
        EmbeddedDerby restored = new EmbeddedDerby(target.toString(), "restoreFrom=" + backup, "", null);
        restored.open().close();
        restored.shutdown();
        logger.info("Database backup {} restored into {}", backup, target);
    }

    @Override
    public String check(Path backupDatabase, Path scratch) throws SQLException, IOException {
        Path dump = backupDatabase.toAbsolutePath().normalize().resolve(PgDump.DUMP_FILE);
        if (Files.isRegularFile(dump)) {
            return PgDump.check(dump);
        }
        restore(backupDatabase, scratch.resolve("db"));
        return "restored the Derby copy into a scratch folder";
    }

    /** The folder of the embedded database in use, if the shared database is embedded Derby. */
    private Optional<Path> liveDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            if (url == null || !url.startsWith(EMBEDDED_PREFIX) || url.startsWith(EMBEDDED_PREFIX + "//")) {
                return Optional.empty();
            }
            String name = url.substring(EMBEDDED_PREFIX.length()).split(";", 2)[0];
            return name.startsWith("memory:")
                    ? Optional.empty()
                    : Optional.of(Path.of(name).toAbsolutePath().normalize());
        }
    }
}
