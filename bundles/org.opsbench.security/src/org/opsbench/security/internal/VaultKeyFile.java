package org.opsbench.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import javax.crypto.SecretKey;

/** The key file of a vault without passphrase: {@code <folder>/vault-<key id>.key}, 32 raw bytes, 0600. */
final class VaultKeyFile {

    private VaultKeyFile() {
    }

    static Path path(Path folder, String keyId) {
        return folder.resolve("vault-" + keyId + ".key");
    }

    static void write(Path file, SecretKey key) throws IOException {
        InitialAdmin.createPrivateFolder(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, key.getEncoded());
    }

    static SecretKey read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException("the vault key file " + file + " is readable by others: chmod 600 it");
        }
        return VaultCrypto.key(Files.readAllBytes(file));
    }
}
