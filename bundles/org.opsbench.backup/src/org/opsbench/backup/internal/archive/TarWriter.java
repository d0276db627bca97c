package org.opsbench.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Writes a folder as a tar stream (ustar, GNU long names for paths over 100 bytes). */
public final class TarWriter {

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];

    /** Writing to {@code out} (not closed). */
    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code folder} and everything below it, named {@code name/...}. */
    public void folder(Path folder, String name) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.sorted().toList();
        }
        for (Path p : all) {
            String rel = folder.relativize(p).toString();
            String member = rel.isEmpty() ? name : name + "/" + rel;
            if (Files.isDirectory(p)) {
                header(member + "/", '5', 0, mode(p, 0755), Files.getLastModifiedTime(p).toMillis() / 1000);
            } else if (Files.isRegularFile(p)) {
                long size = Files.size(p);
                header(member, '0', size, mode(p, 0644), Files.getLastModifiedTime(p).toMillis() / 1000);
                long written = 0;
                try (InputStream in = Files.newInputStream(p)) {
                    int n;
                    while (written < size
                            && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - written))) > 0) {
                        out.write(buffer, 0, n);
                        written += n;
                    }
                }
                if (written != size) {
                    throw new IOException(p + " changed size while it was read");
                }
                pad(size);
            }
        }
    }

    /** Writes the end marker. */
    public void finish() throws IOException {
        out.write(new byte[1024]);
        out.flush();
    }

    private static int mode(Path p, int fallback) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            int m = 0;
            for (PosixFilePermission x : perms) {
                m |= 1 << (8 - x.ordinal());
            }
            return m;
        } catch (IOException | UnsupportedOperationException e) {
            return fallback;
        }
    }

    private void header(String name, char type, long size, int mode, long mtime) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            header("././@LongLink", 'L', nameBytes.length + 1, 0, 0);
            out.write(nameBytes);
            out.write(0);
            pad(nameBytes.length + 1);
        }
        byte[] h = new byte[512];
        System.arraycopy(nameBytes, 0, h, 0, Math.min(100, nameBytes.length));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        byte[] magic = "ustar  \0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        octal(h, 148, 7, sum);
        out.write(h);
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        int digits = len - 1;
        if (s.length() > digits) {
            throw new IllegalArgumentException("value too large for a tar header: " + value);
        }
        s = "0".repeat(digits - s.length()) + s;
        for (int i = 0; i < digits; i++) {
            h[off + i] = (byte) s.charAt(i);
        }
        h[off + digits] = 0;
    }

    private void pad(long size) throws IOException {
        int pad = (int) ((512 - size % 512) % 512);
        if (pad > 0) {
            out.write(new byte[pad]);
        }
    }
}
