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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.internal.archive.Hex;
import org.opsbench.backup.internal.archive.Manifest;
import org.opsbench.backup.internal.archive.SegmentedCipher;
import org.opsbench.backup.internal.archive.TarScanner;
import org.opsbench.backup.internal.archive.TarWriter;

/** The archive format against GNU tar: the manifest read from a real tar stream, and the segmented cipher. */
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
        assertEquals(entries, Manifest.entries(Manifest.format("ff", 10, entries)));
    }
}
