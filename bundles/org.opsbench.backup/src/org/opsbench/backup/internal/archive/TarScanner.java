package org.opsbench.backup.internal.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.backup.ManifestEntry;

/**
 * Reads a tar stream as it is written through it (ustar, GNU long names, pax {@code path}/{@code size}/{@code mtime}),
 * building the manifest with each regular file's SHA-256. An optional {@link Listener} sees every member and its
 * content, for extraction. {@link #close()} checks that the stream ended on a member boundary.
 * <p>
 * Beside the per-file digests it computes the <b>tree SHA-256</b> of the stream ({@link #treeSha256()}): the SHA-256 of
 * the tar stream in which the content of each regular file is replaced by the 32 bytes of that content's SHA-256. Every
 * other byte goes in as it is: header blocks, the content of the other members (pax and GNU long-name records, ...),
 * the padding after each member, the end marker and whatever follows it. A file's bytes are thus hashed once, for the
 * manifest, and the tree digest still changes with any byte of the stream (the header sizes say where each digest
 * stands, so the hashed sequence decodes back to one stream, up to SHA-256 collisions).
 */
public final class TarScanner extends OutputStream {

    /** Sees the members as they pass. */
    public interface Listener {
        /** A member starts; its content (for files) follows through {@link #content}. */
        void member(ManifestEntry header, String linkTarget) throws IOException;

        /** Content of the current member. */
        void content(byte[] b, int off, int len) throws IOException;

        /** The current member's content is complete. */
        void end(ManifestEntry finished) throws IOException;
    }

    private final Listener listener;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final byte[] header = new byte[512];
    private int headerFill;
    private long remaining; // content bytes of the current member
    private long padding; // bytes after the content up to the block boundary
    private ManifestEntry current;
    private MessageDigest digest;
    private final MessageDigest tree = Hex.sha256();
    private String treeHex;
    private String longName;
    private String longLink;
    private String paxPath;
    private Long paxSize;
    private Instant paxMtime;
    private java.io.ByteArrayOutputStream meta; // content of an L, K or x member being read
    private char metaType;
    private boolean ended;
    private int zeroBlocks;
    private long total;

    /** A scanner that only builds the manifest. */
    public TarScanner() {
        this(null);
    }

    /** A scanner that also hands every member to {@code listener}. */
    public TarScanner(Listener listener) {
        this.listener = listener;
    }

    /** The members so far. */
    public List<ManifestEntry> entries() {
        return entries;
    }

    /** Bytes seen. */
    public long total() {
        return total;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        total += len;
        int end = off + len;
        int i = off;
        while (i < end) {
            if (remaining > 0) {
                int n = (int) Math.min(remaining, end - i);
                content(b, i, n);
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    memberDone();
                }
            } else if (padding > 0) {
                int n = (int) Math.min(padding, end - i);
                tree.update(b, i, n);
                i += n;
                padding -= n;
            } else if (ended) {
                tree.update(b, i, end - i); // trailing zero blocks after the end marker
                i = end;
            } else {
                int n = Math.min(512 - headerFill, end - i);
                System.arraycopy(b, i, header, headerFill, n);
                headerFill += n;
                i += n;
                if (headerFill == 512) {
                    headerFill = 0;
                    header();
                }
            }
        }
    }

    private void content(byte[] b, int off, int len) throws IOException {
        if (meta != null) {
            meta.write(b, off, len);
            tree.update(b, off, len);
            return;
        }
        if (digest != null) {
            digest.update(b, off, len);
        } else {
            tree.update(b, off, len);
        }
        if (listener != null) {
            listener.content(b, off, len);
        }
    }

    private void header() throws IOException {
        tree.update(header);
        boolean zero = true;
        for (byte x : header) {
            if (x != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            if (++zeroBlocks == 2) {
                ended = true;
            }
            return;
        }
        zeroBlocks = 0;
        if (!checksumMatches()) {
            throw new IOException("tar header " + (entries.size() + 1) + " has a bad checksum: not a tar stream, or "
                    + "it is damaged");
        }
        char type = (char) header[156];
        long size = number(124, 12);
        String name = string(0, 100);
        if (header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r') {
            String prefix = string(345, 155);
            if (!prefix.isEmpty() && header[262] == 0) {
                name = prefix + "/" + name; // POSIX ustar; GNU tar writes "ustar  \0" and no prefix
            }
        }
        if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
            meta = new java.io.ByteArrayOutputStream();
            metaType = type;
            start(size);
            return;
        }
        String path = paxPath != null ? paxPath : longName != null ? longName : name;
        String link = longLink != null ? longLink : string(157, 100);
        if (paxSize != null) {
            size = paxSize;
        }
        Instant mtime = paxMtime != null ? paxMtime : Instant.ofEpochSecond(number(136, 12));
        int mode = (int) (number(100, 8) & 07777);
        longName = null;
        longLink = null;
        paxPath = null;
        paxSize = null;
        paxMtime = null;
        String kind = switch (type) {
            case '0', '\0', '7' -> "file";
            case '5' -> "dir";
            case '2' -> "link";
            case '1' -> "hardlink";
            default -> "other";
        };
        if (!kind.equals("file") && type != 'S') {
            size = kind.equals("other") ? size : 0;
        }
        current = new ManifestEntry(path, kind, kind.equals("file") ? size : 0, mode, mtime, "");
        digest = kind.equals("file") ? Hex.sha256() : null;
        if (listener != null) {
            listener.member(current, link);
        }
        start(size);
    }

    private void start(long size) throws IOException {
        remaining = size;
        padding = (512 - size % 512) % 512;
        if (size == 0) {
            memberDone();
        }
    }

    private void memberDone() throws IOException {
        if (meta != null) {
            byte[] raw = meta.toByteArray();
            String text = new String(raw, StandardCharsets.UTF_8);
            meta = null;
            switch (metaType) {
                case 'L' -> longName = trimNul(text);
                case 'K' -> longLink = trimNul(text);
                case 'x' -> {
                    try {
                        pax(raw);
                    } catch (RuntimeException e) { // a bad length or number: not a record
                        throw new IOException("pax header before member " + (entries.size() + 1)
                                + " is damaged: " + e.getMessage(), e);
                    }
                }
                default -> {
                    // global pax headers carry nothing the manifest needs
                }
            }
            return;
        }
        ManifestEntry done = current;
        if (digest != null) {
            byte[] sum = digest.digest();
            tree.update(sum); // the file's digest stands for its content in the tree digest
            done = new ManifestEntry(current.path(), current.type(), current.size(), current.mode(), current.mtime(),
                    Hex.of(sum));
        }
        entries.add(done);
        if (listener != null) {
            listener.end(done);
        }
        digest = null;
        current = null;
    }

    private void pax(byte[] raw) {
        int i = 0;
        while (i < raw.length) {
            int space = i;
            while (space < raw.length && raw[space] != ' ') {
                space++;
            }
            if (space >= raw.length) {
                break;
            }
            int length = Integer.parseInt(new String(raw, i, space - i, StandardCharsets.US_ASCII));
            if (length <= 0) {
                break;
            }
            String record = new String(raw, space + 1, Math.max(0, i + length - space - 2), StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                String value = record.substring(eq + 1);
                switch (record.substring(0, eq)) {
                    case "path" -> paxPath = value;
                    case "linkpath" -> longLink = value;
                    case "size" -> paxSize = Long.parseLong(value);
                    case "mtime" -> paxMtime = Instant.ofEpochSecond((long) Double.parseDouble(value));
                    default -> {
                        // other keys are not kept
                    }
                }
            }
            i += length;
        }
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private boolean checksumMatches() {
        long stored = number(148, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        return sum == stored;
    }

    private String string(int off, int len) {
        int end = off;
        while (end < off + len && header[end] != 0) {
            end++;
        }
        return new String(header, off, end - off, StandardCharsets.UTF_8);
    }

    private long number(int off, int len) {
        if ((header[off] & 0x80) != 0) { // GNU base-256
            long v = header[off] & 0x7F;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (header[i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte c = header[i];
            if (c >= '0' && c <= '7') {
                v = v * 8 + (c - '0');
            } else if (c == 0 || c == ' ') {
                if (v > 0) {
                    break;
                }
            }
        }
        return v;
    }

    /** Checks that the stream ended after a whole member and its end marker. */
    @Override
    public void close() throws IOException {
        if (remaining > 0 || padding > 0 || headerFill > 0 || meta != null) {
            throw new IOException("the tar stream ends in the middle of member " + (entries.size() + 1)
                    + (current == null ? "" : " (" + current.path() + ")") + ": it is truncated");
        }
        if (!ended) {
            throw new IOException("the tar stream has no end marker: it is truncated");
        }
        if (treeHex == null) {
            treeHex = Hex.of(tree.digest());
        }
    }

    /** The tree SHA-256 (see the class comment) in hex, after a successful {@link #close()}. */
    public String treeSha256() {
        if (treeHex == null) {
            throw new IllegalStateException("the tar stream is not complete");
        }
        return treeHex;
    }
}
