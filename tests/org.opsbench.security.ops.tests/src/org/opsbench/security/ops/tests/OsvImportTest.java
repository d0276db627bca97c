package org.opsbench.security.ops.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.InvalidInputException;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.VersionRange;
import org.opsbench.security.ops.internal.osv.Cvss3;
import org.opsbench.security.ops.internal.osv.OsvParser;

/** OSV files: the schema mapping, CVSS v3 base scores, errors naming file and field, and the import transaction. */
class OsvImportTest {

    @RegisterExtension
    static final SecOpsHost HOST = new SecOpsHost();

    static String osv(String id, String ecosystem, String name, String events, String extra) {
        return "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"2026-11-30T10:00:00Z\","
                + "\"aliases\":[\"CVE-2026-" + Math.abs(id.hashCode() % 100000) + "\"],\"summary\":\"test " + id
                + "\"," + extra + "\"affected\":[{\"package\":{\"ecosystem\":\"" + ecosystem + "\",\"name\":\"" + name
                + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[" + events + "]}]}]}";
    }

    /** Scores checked with the FIRST CVSS v3.1 calculator. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,9.8", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H,10.0",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N,6.4", "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N,5.5",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N,3.1", "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N,0.0",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N,6.1", "CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H,7.3",
            "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H,8.2"})
    void cvssBaseScoreFollowsTheSpecificationsFormula(String vector, double expected) {
        assertEquals(expected, Cvss3.baseScore(vector), 1e-9);
    }

    @Test
    void aDebianAdvisoryMapsRangesVersionsAliasesAndUrgency() {
        String json = "{\"id\":\"DSA-9999-1\",\"aliases\":[\"CVE-2026-1111\",\"CVE-2026-2222\"],\"summary\":\"s\","
                + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"openssl\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"3.0.11-1~deb12u2\"}]},"
                + "{\"type\":\"GIT\",\"repo\":\"x\",\"events\":[{\"introduced\":\"abc\"}]}],"
                + "\"versions\":[\"3.0.9-1\"],\"ecosystem_specific\":{\"urgency\":\"high\"}}]}";
        Advisory a = OsvParser.parse("DSA-9999-1.json", json);
        assertEquals(List.of("CVE-2026-1111", "CVE-2026-2222"), a.aliases());
        assertEquals(List.of(new VersionRange("0", "3.0.11-1~deb12u2", "")), a.affected().get(0).ranges());
        assertEquals(List.of("3.0.9-1"), a.affected().get(0).versions());
        assertEquals(RiskLevel.HIGH, a.risk());
        assertEquals(-1, a.score());
    }

    @Test
    void errorsNameTheFileAndTheJsonField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OsvParser.parse("bad.json",
                "{\"id\":\"X-1\",\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\"}}]}"));
        assertEquals("bad.json: affected[0].package.name", e.field());
        e = assertThrows(InvalidInputException.class, () -> OsvParser.parse("cvss.json",
                "{\"id\":\"X-2\",\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:Q/AC:L\"}]}"));
        assertEquals("cvss.json: severity[0].score", e.field());
        e = assertThrows(InvalidInputException.class, () -> OsvParser.parse("syntax.json", "{\"id\": \"X\",\n ]"));
        assertTrue(e.getMessage().startsWith("syntax.json: not valid JSON: line 2"), e.getMessage());
    }

    @Test
    void aZipImportsInOneTransactionAndABadFileInItStoresNothing(@TempDir Path dir) throws Exception {
        long before = HOST.ops().advisoryCount(SecOpsHost.OPS);
        String p = "ZIP-" + SecOpsHost.RUN;
        Path good = dir.resolve("good.zip");
        zip(good, List.of(osv(p + "-1", "Debian:12", "zlib", "{\"introduced\":\"0\"},{\"fixed\":\"1:1.3\"}",
                "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],"),
                osv(p + "-2", "Debian:12", "zlib", "{\"introduced\":\"0\"},{\"last_affected\":\"1:1.2\"}", "")));
        assertEquals(2, HOST.ops().importAdvisories(SecOpsHost.OPS, good).advisories());
        assertEquals(before + 2, HOST.ops().advisoryCount(SecOpsHost.OPS));

        Path bad = dir.resolve("bad.zip");
        zip(bad, List.of(osv(p + "-3", "Debian:12", "zlib", "{\"introduced\":\"0\"}", ""),
                "{\"id\":\"" + p + "-4\",\"affected\":[{\"package\":{\"name\":\"zlib\"}}]}"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HOST.ops().importAdvisories(SecOpsHost.OPS, bad));
        assertEquals("advisory-1.json: affected[0].package.ecosystem", e.field());
        assertEquals(before + 2, HOST.ops().advisoryCount(SecOpsHost.OPS));
    }

    @Test
    void aFolderImportsEveryJsonFileBelowIt(@TempDir Path dir) throws Exception {
        long before = HOST.ops().advisoryCount(SecOpsHost.OPS);
        Files.createDirectories(dir.resolve("debian"));
        Files.writeString(dir.resolve("debian/a.json"), osv("DIR-" + SecOpsHost.RUN + "-1", "Debian:12", "curl",
                "{\"introduced\":\"0\"},{\"fixed\":\"7.88.1-10+deb12u9\"}", ""));
        Files.writeString(dir.resolve("b.json"), osv("DIR-" + SecOpsHost.RUN + "-2", "AlmaLinux:9", "curl",
                "{\"introduced\":\"0\"},{\"fixed\":\"7.76.1-29.el9_4.1\"}", ""));
        Files.writeString(dir.resolve("README.txt"), "not an advisory");
        assertEquals(2, HOST.ops().importAdvisories(SecOpsHost.OPS, dir).files());
        assertEquals(before + 2, HOST.ops().advisoryCount(SecOpsHost.OPS));
    }

    static void zip(Path target, List<String> docs) throws Exception {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < docs.size(); i++) {
                zip.putNextEntry(new ZipEntry("advisory-" + i + ".json"));
                zip.write(docs.get(i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
