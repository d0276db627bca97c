package org.opsbench.backup.internal.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.backup.ManifestEntry;

/**
 * The manifest as text, stored in the database with the run and beside the archive as {@code <archive>.manifest}:
 * {@code # opsbench-backup-manifest 2}, then the archive checksum, {@code archive-bytes N}, then one line per member:
 * {@code TYPE <tab> SIZE <tab> MODE (octal) <tab> MTIME (epoch s) <tab> SHA256 or - <tab> PATH}.
 * <p>
 * The archive checksum is {@code archive-tree-sha256 HEX} for an uncompressed, unencrypted tar archive (the tree
 * SHA-256 of {@link TarScanner}: the stream with each file's content replaced by its SHA-256), else
 * {@code archive-sha256 HEX}, the SHA-256 of the bytes as stored. Version 1 manifests (written before the tree digest)
 * always carry {@code archive-sha256}, and are read as such.
 */
public final class Manifest {

    /** The first line. */
    public static final String MAGIC = "# opsbench-backup-manifest 2";
    /** The line of a stored-bytes SHA-256. */
    public static final String STORED_SHA256 = "archive-sha256 ";
    /** The line of a tree SHA-256. */
    public static final String TREE_SHA256 = "archive-tree-sha256 ";

    private Manifest() {
    }

    /** The manifest text. */
    public static String format(String archiveSha256, boolean tree, long archiveBytes, List<ManifestEntry> entries) {
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        out.append(tree ? TREE_SHA256 : STORED_SHA256).append(archiveSha256).append('\n');
        out.append("archive-bytes ").append(archiveBytes).append('\n');
        for (ManifestEntry e : entries) {
            out.append(e.type()).append('\t').append(e.size()).append('\t').append(Integer.toOctalString(e.mode()))
                    .append('\t').append(e.mtime().getEpochSecond()).append('\t')
                    .append(e.sha256().isEmpty() ? "-" : e.sha256()).append('\t').append(escape(e.path()))
                    .append('\n');
        }
        return out.toString();
    }

    /** Whether a manifest's archive checksum is a tree SHA-256 (false for a stored-bytes one, or no manifest). */
    public static boolean treeChecksum(String text) {
        if (text == null) {
            return false;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(TREE_SHA256)) {
                return true;
            }
            if (!line.startsWith("#") && !line.startsWith("archive-")) {
                return false; // the member lines start
            }
        }
        return false;
    }

    /** The member lines of a manifest text. */
    public static List<ManifestEntry> entries(String text) {
        List<ManifestEntry> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("archive-")) {
                continue;
            }
            String[] f = line.split("\t", 6);
            entries.add(new ManifestEntry(unescape(f[5]), f[0], Long.parseLong(f[1]), Integer.parseInt(f[2], 8),
                    Instant.ofEpochSecond(Long.parseLong(f[3])), f[4].equals("-") ? "" : f[4]));
        }
        return entries;
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length()) {
                char n = path.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
