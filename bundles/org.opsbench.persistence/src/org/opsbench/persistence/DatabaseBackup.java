package org.opsbench.persistence;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Online backup and restore of the shared Derby database.
 * <p>
 * A backup is taken while Opsbench runs, with Derby's {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: transactions committed
 * before it are in it, work continues meanwhile. Each backup goes into its own time-stamped folder
 * {@code <folder>/opsbench-backup-<yyyyMMdd-HHmmss-SSS>/}, which holds a complete copy of the database folder (named
 * like the live one, {@code db} by default). {@link #backup(Path)} returns the path of that copy.
 *
 * <h2>Restoring by hand</h2> An operator restores a backup into a workspace like this:
 * <ol>
 * <li>Stop every Opsbench process that uses the workspace (rich client or server). Derby must not have the database
 * open.</li>
 * <li>Move the current database aside: {@code mv <workspace>/db <workspace>/db.before-restore} (keep it until the
 * restored one is checked).</li>
 * <li>Either copy the backup's database folder into place: {@code cp -a
 * <backups>/opsbench-backup-<timestamp>/db <workspace>/db}, or let Derby do it with its {@code ij} tool:
 * {@code connect 'jdbc:derby:<workspace>/db;restoreFrom=<backups>/opsbench-backup-<timestamp>/db';} followed by
 * {@code connect 'jdbc:derby:<workspace>/db;shutdown=true';}.</li>
 * <li>Start Opsbench. Schema migrations newer than the backup are applied again at start.</li>
 * </ol>
 * {@link #restore(Path, Path)} does step 3 with {@code restoreFrom} from code.
 * <p>
 * On PostgreSQL {@link #backup(Path)} runs {@code pg_dump --format=custom} (a consistent snapshot, work continues) into
 * the time-stamped folder as {@code opsbench.dump}, with the data source's URL, user and password (the password in
 * {@code pg_dump}'s environment only); the binary is the newest {@code /usr/lib/postgresql/<version>/bin/pg_dump}, else
 * {@code pg_dump} on the PATH, or the system property {@code opsbench.pg_dump}. {@link #restore(Path, Path)} refuses a
 * dump: restore it with {@code pg_restore} while Opsbench is stopped. {@link #check(Path, Path)} reads a dump whole
 * with {@code pg_restore} (found the same way, property {@code opsbench.pg_restore}).
 */
public interface DatabaseBackup {

    /**
     * Backs the running database up into a new time-stamped folder under {@code folder} (created if missing).
     *
     * @return the folder holding the copy of the database, to pass to {@link #restore(Path, Path)}
     * @throws SQLException
     *             when Derby cannot take the backup
     * @throws UnsupportedOperationException
     *             when the shared database is neither Derby nor PostgreSQL
     */
    Path backup(Path folder) throws SQLException, IOException;

    /**
     * Restores the backup {@code backupDatabase} (a path returned by {@link #backup(Path)}) into the database folder
     * {@code targetDatabase}, replacing what is there, with Derby's {@code restoreFrom} connection attribute. The
     * target must not be open: restore into a stopped workspace or a new folder, never into the database this service
     * runs on.
     *
     * @throws IllegalArgumentException
     *             when {@code backupDatabase} is no Derby database folder or {@code targetDatabase} is the live
     *             database
     * @throws SQLException
     *             when Derby cannot restore
     */
    void restore(Path backupDatabase, Path targetDatabase) throws SQLException;

    /**
     * Proves, without touching a database anyone uses, that a backup ({@code backupDatabase}, a path returned by
     * {@link #backup(Path)}) can be restored, and says what was done: a Derby copy is restored into {@code scratch}/db
     * (which the caller removes); a PostgreSQL dump is read whole by {@code pg_restore} (its table of contents, then
     * every table's data decoded into a script that is thrown away), so a damaged or truncated dump fails. Restoring a
     * dump into a database needs rights to create one, which Opsbench does not assume.
     *
     * @throws IOException
     *             when {@code pg_restore} cannot read the dump
     * @throws SQLException
     *             when Derby cannot restore the copy
     * @since 1.4
     */
    default String check(Path backupDatabase, Path scratch) throws SQLException, IOException {
        restore(backupDatabase, scratch.resolve("db"));
        return "restored the database copy into a scratch folder";
    }
}
