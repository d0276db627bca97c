package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.VerifyResult;
import org.opsbench.backup.internal.Restores;
import org.opsbench.backup.internal.archive.Hex;
import org.opsbench.backup.internal.archive.Manifest;
import org.opsbench.backup.internal.archive.SegmentedCipher;
import org.opsbench.backup.internal.archive.TarScanner;
import org.opsbench.backup.internal.archive.TarWriter;
import org.opsbench.backup.internal.targets.LocalDirectoryTarget;

/**
 * The archive format against GNU tar: the manifest read from a real tar stream, the tree digest and its verification
 * beside the old stored-bytes checksum, and the segmented cipher.
 */
class ArchiveFormatTest {

    private static final byte[] KEY = new byte[32];

    private static byte[] tar(Path dir, String format) throws Exception {
        Process p = new ProcessBuilder("tar", "--format=" + format, "-cf", "-", "-C", dir.toString(), ".")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return out;
    }

    private static Map<String, ManifestEntry> scan(byte[] tar) throws IOException {
        TarScanner scanner = new TarScanner();
        // odd chunk sizes: headers and contents split anywhere
        for (int i = 0; i < tar.length; i += 777) {
            scanner.write(tar, i, Math.min(777, tar.length - i));
        }
        scanner.close();
        return scanner.entries().stream().collect(Collectors.toMap(ManifestEntry::path, e -> e));
    }

    private static String sha(byte[] data) {
        return Hex.of(Hex.sha256().digest(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax", "ustar"})
    void theManifestOfARealTarStreamHoldsEachFilesSizeModeAndSha256(String format, @TempDir Path dir)
            throws Exception {
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(dir.resolve("empty.txt"), "");
        String longName = "l".repeat(90) + "/" + "n".repeat(60) + ".txt";
        Files.createDirectories(dir.resolve(longName).getParent());
        Files.writeString(dir.resolve(longName), "deep");
        Files.setPosixFilePermissions(dir.resolve("empty.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("big.bin"));

        Map<String, ManifestEntry> m = scan(tar(dir, format));

        assertEquals(sha(big), m.get("./big.bin").sha256());
        assertEquals(300_000, m.get("./big.bin").size());
        assertEquals(sha(new byte[0]), m.get("./empty.txt").sha256());
        assertEquals(0640, m.get("./empty.txt").mode());
        assertEquals(sha("deep".getBytes()), m.get("./" + longName).sha256(), "long names: " + m.keySet());
        assertEquals("link", m.get("./link").type());
        assertEquals("dir", m.get("./").type());
    }

    @Test
    void aTruncatedTarStreamIsRefused(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("f"), new byte[5000]);
        byte[] tar = tar(dir, "gnu");
        TarScanner scanner = new TarScanner();
        scanner.write(tar, 0, 3000);
        assertTrue(assertThrows(IOException.class, scanner::close).getMessage().contains("truncated"));
    }

    @Test
    void ourTarWriterIsReadByGnuTar(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/a/" + "x".repeat(120)));
        Files.writeString(src.resolve("f.txt"), "hello");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(out);
        w.folder(dir.resolve("src"), "db");
        w.finish();
        Path listed = dir.resolve("list");
        Process p = new ProcessBuilder("tar", "-tf", "-").redirectOutput(listed.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(out.toByteArray());
        }
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(listed).contains("db/a/" + "x".repeat(120) + "/f.txt"), Files.readString(listed));
        assertEquals(sha("hello".getBytes()), scan(out.toByteArray()).get("db/a/" + "x".repeat(120) + "/f.txt")
                .sha256());
    }

    private static byte[] encrypt(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = SegmentedCipher.encrypt(KEY, out)) {
            enc.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed) throws IOException {
        try (InputStream in = SegmentedCipher.decrypt(KEY, new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SegmentedCipher.SEGMENT - 1, SegmentedCipher.SEGMENT, 2 * SegmentedCipher.SEGMENT + 5})
    void encryptionRoundTripsAtSegmentBoundaries(int size) throws Exception {
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);
        assertArrayEquals(plain, decrypt(encrypt(plain)));
    }

    @Test
    void aFlippedByteOrACutOffLastSegmentFailsDecryption() throws Exception {
        byte[] sealed = encrypt(new byte[SegmentedCipher.SEGMENT + 100]);
        byte[] flipped = sealed.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThrows(IOException.class, () -> decrypt(flipped));
        // dropping the whole last segment leaves a full segment not marked last
        byte[] cut = java.util.Arrays.copyOf(sealed, 15 + SegmentedCipher.SEGMENT + 16);
        assertThrows(IOException.class, () -> decrypt(cut));
    }

    @Test
    void keysAreAcceptedRawHexOrBase64AndAnythingElseIsRefused() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        assertArrayEquals(raw, SegmentedCipher.key(HexFormat.of().formatHex(raw).getBytes()));
        assertArrayEquals(raw, SegmentedCipher.key(java.util.Base64.getEncoder().encode(raw)));
        assertThrows(IllegalArgumentException.class, () -> SegmentedCipher.key("short".getBytes()));
    }

    @Test
    void manifestTextRoundTripsOddPaths() {
        List<ManifestEntry> entries = List.of(new ManifestEntry("a\tb\\c\nd", "file", 3, 0644,
                java.time.Instant.ofEpochSecond(1700000000), "ab"),
                new ManifestEntry("dir/", "dir", 0, 0755, java.time.Instant.ofEpochSecond(1), ""));
        assertEquals(entries, Manifest.entries(Manifest.format("ff", true, 10, entries)));
        assertEquals(entries, Manifest.entries(Manifest.format("ff", false, 10, entries)));
    }

    /** The tree SHA-256 of a tar stream, or null when the scanner refuses the stream. */
    private static String tree(byte[] tar, int chunk) {
        TarScanner scanner = new TarScanner();
        try {
            for (int i = 0; i < tar.length; i += chunk) {
                scanner.write(tar, i, Math.min(chunk, tar.length - i));
            }
            scanner.close();
            return scanner.treeSha256();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path smallFolder(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Random random = new Random(7);
        byte[] a = new byte[700];
        random.nextBytes(a);
        byte[] b = new byte[1500];
        random.nextBytes(b);
        Files.write(src.resolve("a.bin"), a);
        Files.write(src.resolve("b.bin"), b);
        Files.writeString(src.resolve("x".repeat(120) + ".txt"), "long name");
        Files.writeString(src.resolve("empty"), "");
        return src;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax"})
    void theTreeDigestChangesWithEveryByteOfTheArchive(String format, @TempDir Path dir) throws Exception {
        byte[] tar = tar(smallFolder(dir), format);
        String tree = tree(tar, tar.length);
        assertTrue(tree != null && tree.length() == 64, tree);
        assertEquals(tree, tree(tar, 777), "the same whatever the chunks");
        assertEquals(tree, tree(tar, 1), "the same whatever the chunks");
        assertTrue(!tree.equals(sha(tar)), "not the plain SHA-256 of the bytes");
        for (int i = 0; i < tar.length; i++) {
            byte[] bad = tar.clone();
            bad[i] ^= 0x01;
            String found = tree(bad, 4096);
            assertTrue(found == null || !found.equals(tree), "byte " + i + " of " + tar.length + " flipped: the"
                    + " scanner accepted the stream with the same tree digest");
        }
        byte[] longer = java.util.Arrays.copyOf(tar, tar.length + 512);
        String more = tree(longer, 4096);
        assertTrue(more == null || !more.equals(tree), "bytes appended after the end marker are covered");
    }

    private static void flip(Path file, long position) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ 0x40);
        }
    }

    @Test
    void aPlainArchiveVerifiesByItsTreeDigestAndAnOldFormatOneByTheStoredBytes(@TempDir Path dir) throws Exception {
        byte[] tar = tar(smallFolder(dir), "gnu");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path archive = repo.resolve("job.tar");
        Files.write(archive, tar);
        TarScanner scanner = new TarScanner();
        scanner.write(tar, 0, tar.length);
        scanner.close();
        String tree = scanner.treeSha256();
        String v2 = Manifest.format(tree, true, tar.length, scanner.entries());
        assertTrue(v2.startsWith("# opsbench-backup-manifest 2\narchive-tree-sha256 " + tree + "\n"), v2);
        assertTrue(Manifest.treeChecksum(v2));
        // a manifest as version 1 wrote it: the SHA-256 of the stored bytes
        String v1 = "# opsbench-backup-manifest 1\narchive-sha256 " + sha(tar) + "\narchive-bytes " + tar.length
                + "\n" + v2.substring(v2.indexOf("\n", v2.indexOf("archive-bytes")) + 1);
        assertTrue(!Manifest.treeChecksum(v1));
        assertEquals(scanner.entries(), Manifest.entries(v1));

        JobDefinition job = new JobDefinition("j", "", SourceKind.PATHS, "127.0.0.1", 22, "u", "k", List.of("/x"),
                "", LocalDirectoryTarget.ID, Map.of("folder", repo.toString()), "", "UTC", false, "",
                Retention.KEEP_ALL, "", "", true);
        Restores restores = new Restores(null, null, null, dir, Duration.ofMinutes(1));
        LocalDirectoryTarget target = new LocalDirectoryTarget();
        Instant now = Instant.now();
        RunRecord newRun = new RunRecord(1, "j", "manual", now, now, RunOutcome.SUCCEEDED, tar.length, tar.length, 3,
                "job.tar", tree, "", null, false);
        RunRecord oldRun = new RunRecord(2, "j", "manual", now, now, RunOutcome.SUCCEEDED, tar.length, tar.length, 3,
                "job.tar", sha(tar), "", null, false);
        List<ManifestEntry> entries = Manifest.entries(v2);

        VerifyResult good = restores.verify(job, target, newRun, entries, Manifest.treeChecksum(v2));
        assertTrue(good.passed(), good.message());
        assertTrue(good.message().contains("tree sha256"), good.message());
        VerifyResult old = restores.verify(job, target, oldRun, Manifest.entries(v1), Manifest.treeChecksum(v1));
        assertTrue(old.passed(), old.message());
        assertTrue(!restores.verify(job, target, newRun, entries, false).passed(), "the kinds are not mixed up");

        long content = indexOf(tar, Files.readAllBytes(dir.resolve("src/b.bin"))) + 1000;
        // a file's byte, a header byte, a byte of the trailing zero blocks
        for (long position : new long[]{content, 100, tar.length - 1}) {
            flip(archive, position);
            VerifyResult bad = restores.verify(job, target, newRun, entries, true);
            assertTrue(!bad.passed(), "byte " + position + ": " + bad.message());
            assertTrue(bad.message().contains("checksum") || bad.message().contains("cannot be read"),
                    bad.message());
            VerifyResult badOld = restores.verify(job, target, oldRun, Manifest.entries(v1), false);
            assertTrue(!badOld.passed(), "byte " + position + " (old format): " + badOld.message());
            flip(archive, position);
            assertTrue(restores.verify(job, target, newRun, entries, true).passed(), "restored byte " + position);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
