package org.opsbench.ssh.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsbench.ssh.HostKey;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;

/**
 * The known hosts in an OpenSSH {@code known_hosts} file. JSch parses and matches the entries (hashed names, markers,
 * wildcards); this class owns the file: it reloads it when someone else changed it and rewrites it atomically, so a
 * crash never leaves half a file.
 */
final class KnownHostsStore {

    private final Path file;
    private HostKeyRepository entries;
    private FileTime loadedTime;
    private long loadedSize = -1;

    KnownHostsStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** {@link HostKeyRepository#OK}, {@code NOT_INCLUDED} or {@code CHANGED} for {@code key} offered by pattern. */
    synchronized int check(String pattern, byte[] key) {
        return current().check(pattern, key);
    }

    /** The raw entries, for JSch's preference of known key types. */
    synchronized com.jcraft.jsch.HostKey[] entries(String pattern, String type) {
        return current().getHostKey(pattern, type);
    }

    synchronized List<HostKey> list() {
        List<HostKey> keys = new ArrayList<>();
        for (com.jcraft.jsch.HostKey entry : current().getHostKey()) {
            keys.addAll(List.of(HostKeys.known(entry)));
        }
        return keys;
    }

    /** The known key of {@code type} for {@code host:port}. */
    synchronized Optional<HostKey> known(String host, int port, String type) {
        com.jcraft.jsch.HostKey[] found = current().getHostKey(HostKeys.pattern(host, port), type);
        if (found == null || found.length == 0) {
            return Optional.empty();
        }
        byte[] blob = java.util.Base64.getDecoder().decode(found[0].getKey());
        return Optional.of(new HostKey(host, port, found[0].getType(), HostKeys.fingerprint(blob), found[0].getKey()));
    }

    /** Appends {@code key} as a new line. */
    synchronized void add(HostKey key) {
        String text = read();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        write(text + HostKeys.pattern(key.host(), key.port()) + " " + key.type() + " " + key.base64Key() + "\n");
    }

    /** Removes every key of {@code host:port}; other names on a shared line stay. */
    synchronized boolean remove(String host, int port) {
        String pattern = HostKeys.pattern(host, port);
        HostKeyRepository repository = current();
        com.jcraft.jsch.HostKey[] found = repository.getHostKey(pattern, null);
        if (found == null || found.length == 0) {
            return false;
        }
        repository.remove(pattern, null);
        StringBuilder text = new StringBuilder();
        for (com.jcraft.jsch.HostKey entry : repository.getHostKey()) {
            String marker = entry.getMarker();
            if (marker != null && !marker.isEmpty()) {
                text.append(marker).append(' ');
            }
            text.append(entry.getHost()).append(' ').append(entry.getType()).append(' ').append(entry.getKey());
            String comment = entry.getComment();
            if (comment != null && !comment.isEmpty()) {
                text.append(' ').append(comment);
            }
            text.append('\n');
        }
        write(text.toString());
        return true;
    }

    private HostKeyRepository current() {
        FileTime time = null;
        long size = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            time = attributes.lastModifiedTime();
            size = attributes.size();
        } catch (NoSuchFileException e) {
            // no file yet: no known hosts
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (entries == null || size != loadedSize || !java.util.Objects.equals(time, loadedTime)) {
            JSch parser = new JSch();
            try {
                parser.setKnownHosts(new ByteArrayInputStream(read().getBytes(StandardCharsets.UTF_8)));
            } catch (JSchException e) {
                throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
            }
            entries = parser.getHostKeyRepository();
            loadedTime = time;
            loadedSize = size;
        }
        return entries;
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(String text) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = Files.createTempFile(folder, ".known_hosts", ".tmp");
            Files.writeString(temp, text);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        entries = null;
    }
}
