package org.opsbench.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The first start's {@code admin} password: random, written once into
 * {@code <workspace>/security/initial-admin-password} (created with 0600 before anything is written), never logged. The
 * file is deleted when the admin changes the password.
 */
final class InitialAdmin {

    static final String LOGIN = "admin";
    static final String FILE = "initial-admin-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private InitialAdmin() {
    }

    static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }

    /** Writes {@code password} to the file in {@code folder}, readable by the owner only. */
    static Path write(Path folder, char[] password) throws IOException {
        createPrivateFolder(folder);
        Path file = folder.resolve(FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            Files.write(file, raw, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
        return file;
    }

    /** Creates {@code folder} (and parents) with 0700 when missing. */
    static void createPrivateFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    static void delete(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(FILE));
    }
}
