package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opsbench.changes.internal.baseline.UnifiedDiff;

/** The unified diff of baselines, compared with what {@code diff -u} prints for the same texts. */
class UnifiedDiffTest {

    private static String diffU(String a, String b) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("diff");
        java.nio.file.Files.writeString(dir.resolve("a"), a);
        java.nio.file.Files.writeString(dir.resolve("b"), b);
        Process p = new ProcessBuilder("diff", "-u", "a", "b").directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        // drop the two header lines with their time stamps
        return out.substring(out.indexOf("@@"));
    }

    private static void sameAsDiffU(String a, String b) throws Exception {
        String ours = UnifiedDiff.diff("a", "b", a, b);
        assertEquals("--- a\n+++ b\n" + diffU(a, b), ours);
    }

    @Test
    void oneChangedLineInTheMiddle() throws Exception {
        sameAsDiffU("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
    }

    @Test
    void changesFarApartAreTwoHunks() throws Exception {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
        }
        String b = a.toString().replace("\n3\n", "\nthree\n").replace("\n25\n", "\n").replace("\n28\n",
                "\n28\nextra\n");
        sameAsDiffU(a.toString(), b);
    }

    @Test
    void addedAtTheStartAndRemovedAtTheEnd() throws Exception {
        sameAsDiffU("a\nb\nc\nd\n", "new\na\nb\nc\n");
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", "b", "same\n", "same\n"));
    }
}
