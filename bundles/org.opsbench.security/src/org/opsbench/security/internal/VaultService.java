package org.opsbench.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.SecurityPermissions;
import org.opsbench.security.Vault;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The credential vault: values sealed with AES-GCM ({@link VaultCrypto}) in {@code SECURITY_SECRET}; the master key is
 * described by the single row of {@code SECURITY_VAULT_KEY} (mode, key id, salt, a sealed check value). No value, key
 * or passphrase is ever logged, audited or put into an exception message.
 */
@Component(service = {SecretStore.class, Vault.class}, configurationPid = SecurityDatabase.PID)
public final class VaultService implements SecretStore, Vault {

    private record KeyRow(Mode mode, String keyId, byte[] salt, int iterations, byte[] check) {
    }

    private final Jdbc jdbc;
    private final Path folder;
    private final AccessControl access;
    private final AuditLog audit;
    private final EventAdmin events;
    private final int iterations;
    private volatile SecretKey key;
    private volatile KeyRow row;

    @Activate
    public VaultService(@Reference SecurityDatabase database, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference(service = LoggerFactory.class) Logger log, SecurityConfig config) throws IOException {
        this.jdbc = new Jdbc(database.dataSource());
        this.folder = database.folder();
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.iterations = config.passwordIterations();
        this.row = readRow();
        if (row == null) {
            SecretKey fresh = VaultCrypto.randomKey();
            KeyRow created = new KeyRow(Mode.KEY_FILE, UUID.randomUUID().toString(), null, 0, VaultCrypto.check(fresh));
            VaultKeyFile.write(VaultKeyFile.path(folder, created.keyId()), fresh);
            jdbc.tx(c -> writeRow(c, created, true));
            row = created;
        }
        if (row.mode() == Mode.KEY_FILE) {
            Path file = VaultKeyFile.path(folder, row.keyId());
            SecretKey fromFile = VaultKeyFile.read(file);
            if (!VaultCrypto.opensCheck(fromFile, row.check())) {
                throw new IllegalStateException("the key file " + file + " does not open this vault");
            }
            key = fromFile;
            log.warn("The credential vault has no master passphrase: its key is the file " + file
                    + " (0600). Anyone who can read that file and the database can read the secrets;"
                    + " set a passphrase with opsbench:vault rotate.");
        } else {
            log.info("The credential vault is locked until its passphrase is given (opsbench:vault unlock).");
        }
    }

    @Override
    public Mode mode() {
        return row.mode();
    }

    @Override
    public boolean isUnlocked() {
        return key != null;
    }

    @Override
    public void unlock(char[] passphrase) {
        try {
            KeyRow current = row;
            if (current.mode() != Mode.PASSPHRASE) {
                throw new IllegalStateException("this vault has no passphrase: it is unlocked by its key file");
            }
            SecretKey derived = VaultCrypto.derive(passphrase, current.salt(), current.iterations());
            if (!VaultCrypto.opensCheck(derived, current.check())) {
                audit.append(AuditEntry.of(Principal.system("security"), "security.vault.unlock.failed", "vault",
                        null, "wrong master passphrase"));
                throw new IllegalArgumentException("wrong master passphrase");
            }
            key = derived;
            audit.append(AuditEntry.of(Principal.system("security"), "security.vault.unlock", "vault", null,
                    "vault unlocked"));
        } finally {
            PasswordHasher.wipe(passphrase);
        }
    }

    @Override
    public synchronized int rotate(Principal actor, char[] newPassphrase) {
        try {
            access.check(actor, SecurityPermissions.VAULT_ROTATE);
            SecretKey old = unlocked();
            KeyRow previous = row;
            SecretKey fresh;
            KeyRow next;
            Path newFile = null;
            if (newPassphrase == null) {
                fresh = VaultCrypto.randomKey();
                next = new KeyRow(Mode.KEY_FILE, UUID.randomUUID().toString(), null, 0, VaultCrypto.check(fresh));
                newFile = VaultKeyFile.path(folder, next.keyId());
                VaultKeyFile.write(newFile, fresh);
            } else {
                AuthenticationService.checkStrength(newPassphrase, 12);
                byte[] salt = VaultCrypto.salt();
                fresh = VaultCrypto.derive(newPassphrase, salt, iterations);
                next = new KeyRow(Mode.PASSPHRASE, UUID.randomUUID().toString(), salt, iterations,
                        VaultCrypto.check(fresh));
            }
            int count;
            try {
                count = jdbc.tx(c -> reseal(c, old, fresh, next));
            } catch (RuntimeException e) {
                if (newFile != null) {
                    Files.deleteIfExists(newFile);
                }
                throw e;
            }
            key = fresh;
            row = next;
            if (previous.mode() == Mode.KEY_FILE) {
                Files.deleteIfExists(VaultKeyFile.path(folder, previous.keyId()));
            }
            audit.append(AuditEntry.of(actor, "security.vault.rotate", "vault", null, "rotated the master key ("
                    + previous.mode() + " -> " + next.mode() + "), re-encrypted " + count + " secrets"));
            post(actor, "master key rotated");
            return count;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the vault key file: " + e.getMessage());
        } finally {
            PasswordHasher.wipe(newPassphrase);
        }
    }

    private static int reseal(Connection c, SecretKey old, SecretKey fresh, KeyRow next) throws SQLException {
        int count = 0;
        List<Object[]> rows = Jdbc.query(c, "SELECT ALIAS, SEALED FROM SECURITY_SECRET",
                rs -> new Object[]{rs.getString(1), rs.getBytes(2)});
        for (Object[] r : rows) {
            String alias = (String) r[0];
            byte[] plain = VaultCrypto.open(old, alias, (byte[]) r[1]);
            try {
                Jdbc.update(c, "UPDATE SECURITY_SECRET SET SEALED = ? WHERE ALIAS = ?",
                        VaultCrypto.seal(fresh, alias, plain), alias);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            count++;
        }
        writeRow(c, next, false);
        return count;
    }

    @Override
    public Optional<Secret> lookup(Principal caller, String alias) {
        access.check(caller, SecurityPermissions.VAULT_READ);
        SecretKey k = unlocked();
        List<byte[]> found = jdbc.tx(c -> Jdbc.query(c, "SELECT SEALED FROM SECURITY_SECRET WHERE ALIAS = ?",
                rs -> rs.getBytes(1), alias));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = VaultCrypto.open(k, alias, found.get(0));
        try {
            audit.append(AuditEntry.of(caller, "security.vault.read", "secret", alias, "read secret " + alias));
            return Optional.of(new Secret(alias, plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void store(Principal caller, String alias, Kind kind, String description, byte[] value) {
        access.check(caller, SecurityPermissions.VAULT_WRITE);
        if (alias == null || !alias.matches("[A-Za-z0-9][A-Za-z0-9._@/-]{0,199}")) {
            throw new IllegalArgumentException("an alias is letters, digits and . _ @ / -, was: " + alias);
        }
        SecretKey k = unlocked();
        byte[] sealed = VaultCrypto.seal(k, alias, value);
        boolean replaced = jdbc.tx(c -> {
            int n = Jdbc.update(c, "UPDATE SECURITY_SECRET SET KIND = ?, DESCRIPTION = ?, SEALED = ?, UPDATED = ?"
                    + " WHERE ALIAS = ?", kind.name(), description == null ? "" : description, sealed,
                    System.currentTimeMillis(), alias);
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO SECURITY_SECRET (ALIAS, KIND, DESCRIPTION, SEALED, UPDATED)"
                        + " VALUES (?, ?, ?, ?, ?)", alias, kind.name(), description == null ? "" : description,
                        sealed, System.currentTimeMillis());
            }
            return n > 0;
        });
        audit.append(AuditEntry.of(caller, "security.vault.store", "secret", alias,
                (replaced ? "replaced " : "stored ") + kind + " " + alias));
        post(caller, "stored " + alias);
    }

    @Override
    public boolean delete(Principal caller, String alias) {
        access.check(caller, SecurityPermissions.VAULT_WRITE);
        boolean deleted = jdbc.tx(c -> Jdbc.update(c, "DELETE FROM SECURITY_SECRET WHERE ALIAS = ?", alias) == 1);
        if (deleted) {
            audit.append(AuditEntry.of(caller, "security.vault.delete", "secret", alias, "deleted " + alias));
            post(caller, "deleted " + alias);
        }
        return deleted;
    }

    @Override
    public List<Entry> list(Principal caller) {
        access.check(caller, SecurityPermissions.VAULT_LIST);
        return jdbc.tx(c -> Jdbc.query(c, "SELECT ALIAS, KIND, DESCRIPTION FROM SECURITY_SECRET ORDER BY ALIAS",
                rs -> new Entry(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3))));
    }

    private SecretKey unlocked() {
        SecretKey k = key;
        if (k == null) {
            throw new IllegalStateException("the vault is locked: give its passphrase (opsbench:vault unlock)");
        }
        return k;
    }

    private KeyRow readRow() {
        return jdbc.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MODE, KEY_ID, SALT, ITERATIONS, CHECK_VALUE"
                    + " FROM SECURITY_VAULT_KEY WHERE ID = 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new KeyRow(Mode.valueOf(rs.getString(1)), rs.getString(2), rs.getBytes(3),
                                rs.getInt(4), rs.getBytes(5))
                        : null;
            }
        });
    }

    private static Void writeRow(Connection c, KeyRow r, boolean insert) throws SQLException {
        if (insert) {
            Jdbc.update(c, "INSERT INTO SECURITY_VAULT_KEY (ID, MODE, KEY_ID, SALT, ITERATIONS, CHECK_VALUE)"
                    + " VALUES (1, ?, ?, ?, ?, ?)", r.mode().name(), r.keyId(), r.salt(), r.iterations(), r.check());
        } else {
            Jdbc.update(c, "UPDATE SECURITY_VAULT_KEY SET MODE = ?, KEY_ID = ?, SALT = ?, ITERATIONS = ?,"
                    + " CHECK_VALUE = ? WHERE ID = 1", r.mode().name(), r.keyId(), r.salt(), r.iterations(),
                    r.check());
        }
        return null;
    }

    private void post(Principal actor, String summary) {
        events.postEvent(new Event(Topics.SECURITY_VAULT_CHANGED, Map.of(EventProperties.PRINCIPAL, actor.name(),
                EventProperties.SUMMARY, summary, EventProperties.TIMESTAMP, System.currentTimeMillis())));
    }

    @Override
    public String toString() {
        return "VaultService[" + row.mode() + (key == null ? ", locked" : ", unlocked") + "]";
    }
}
