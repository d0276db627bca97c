package org.opsbench.security.ops.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.security.ops.internal.version.DebianVersion;
import org.opsbench.security.ops.internal.version.RpmVersion;

/** Debian order checked against the real {@code dpkg --compare-versions}; RPM order against rpm's own test table. */
class VersionOrderTest {

    /** Pairs covering epochs, tildes, revisions, letters against non-letters, leading zeros and empty parts. */
    private static final List<String[]> DEBIAN_PAIRS = List.of(pair("1.0", "1.0"), pair("1.0", "1.1"),
            pair("1.10", "1.9"), pair("1:1.0", "2.0"), pair("0:1.0", "1.0"), pair("2:0.1", "1:9.9"),
            pair("1.0~rc1", "1.0"), pair("1.0~rc1", "1.0~rc2"), pair("1.0~~", "1.0~"), pair("1.0~~a", "1.0~~"),
            pair("1.0~", "1.0"), pair("1.0-1", "1.0-2"), pair("1.0-1", "1.0"), pair("1.0", "1.0-0"),
            pair("1.0-1~bpo1", "1.0-1"), pair("1.0-1+deb12u1", "1.0-1"), pair("1.0-1+deb12u1", "1.0-1+deb12u2"),
            pair("1.0a", "1.0"), pair("1.0a", "1.0+"), pair("1.0a", "1.0."), pair("1.0+", "1.0."),
            pair("1.0.1", "1.0a"), pair("1.001", "1.1"), pair("1.0010", "1.9"), pair("3.0.11-1~deb12u2",
                    "3.0.11-1~deb12u1"),
            pair("3.0.11-1~deb12u2", "3.0.11-1"), pair("1:3.0.11-1", "3.0.11-1"), pair("2.36-9+deb12u4",
                    "2.36-9+deb12u10"),
            pair("7.88.1-10+deb12u5", "7.88.1-10+deb12u12"), pair("1.2.3-4ubuntu0.1", "1.2.3-4"),
            pair("1.2.3-4ubuntu0.1", "1.2.3-4ubuntu1"), pair("10.0.0+dfsg-1", "10.0.0-1"), pair("1.0-a", "1.0-1"),
            pair("a", "b"), pair("Z", "a"), pair("1.0-1.1", "1.0-1+b1"), pair("5.2.15-2+b8", "5.2.15-2+b13"),
            pair("1.0~beta1~svn1245", "1.0~beta1"), pair("0.0", "0"), pair("1:0", "0:99"), pair("1.2-3-4", "1.2-3"),
            pair("1.2-3-4", "1.2-3-5"));

    private static String[] pair(String a, String b) {
        return new String[]{a, b};
    }

    /** -1, 0 or 1 from the real dpkg (lt, eq, gt questions). */
    private static int dpkg(String a, String b) throws IOException, InterruptedException {
        if (ask(a, "lt", b)) {
            return -1;
        }
        return ask(a, "eq", b) ? 0 : 1;
    }

    private static boolean ask(String a, String op, String b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg", "--compare-versions", a, op, b).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "dpkg answered");
        return p.exitValue() == 0;
    }

    @Test
    void debianOrderEqualsDpkgCompareVersionsForEveryPairBothWays() throws Exception {
        StringBuilder wrong = new StringBuilder();
        for (String[] p : DEBIAN_PAIRS) {
            for (String[] q : List.of(p, new String[]{p[1], p[0]})) {
                int expected = dpkg(q[0], q[1]);
                int ours = Integer.signum(DebianVersion.compare(q[0], q[1]));
                if (expected != ours) {
                    wrong.append(q[0]).append(" vs ").append(q[1]).append(": dpkg ").append(expected)
                            .append(", ours ").append(ours).append('\n');
                }
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void theTableHoldsEveryOutcomeSoThatTheComparisonCanFail() throws Exception {
        int lt = 0;
        int eq = 0;
        int gt = 0;
        for (String[] p : DEBIAN_PAIRS) {
            switch (dpkg(p[0], p[1])) {
                case -1 -> lt++;
                case 0 -> eq++;
                default -> gt++;
            }
        }
        assertTrue(lt > 5 && eq > 2 && gt > 5, lt + " " + eq + " " + gt);
    }

    /** Cases from rpm's tests/rpmvercmp.at (expected result of rpmvercmp(a, b)). */
    @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
    @CsvSource({"1.0,1.0,0", "1.0,2.0,-1", "2.0,1.0,1", "2.0.1,2.0.1,0", "2.0,2.0.1,-1", "2.0.1,2.0,1",
            "2.0.1a,2.0.1a,0", "2.0.1a,2.0.1,1", "2.0.1,2.0.1a,-1", "5.5p1,5.5p1,0", "5.5p1,5.5p2,-1",
            "5.5p2,5.5p1,1", "5.5p10,5.5p10,0", "5.5p1,5.5p10,-1", "5.5p10,5.5p1,1", "10xyz,10.1xyz,-1",
            "10.1xyz,10xyz,1", "xyz10,xyz10,0", "xyz10,xyz10.1,-1", "xyz10.1,xyz10,1", "xyz.4,xyz.4,0",
            "xyz.4,8,-1", "8,xyz.4,1", "xyz.4,2,-1", "2,xyz.4,1", "5.5p2,5.6p1,-1", "5.6p1,5.5p2,1",
            "5.6p1,6.5p1,-1", "6.5p1,5.6p1,1", "6.0.rc1,6.0,1", "6.0,6.0.rc1,-1", "10b2,10a1,1", "10a2,10b2,-1",
            "1.0aa,1.0aa,0", "1.0a,1.0aa,-1", "1.0aa,1.0a,1", "10.0001,10.0001,0", "10.0001,10.1,0",
            "10.1,10.0001,0", "10.0001,10.0039,-1", "10.0039,10.0001,1", "4.999.9,5.0,-1", "5.0,4.999.9,1",
            "20101121,20101121,0", "20101121,20101122,-1", "20101122,20101121,1", "2_0,2_0,0", "2.0,2_0,0",
            "2_0,2.0,0", "a,a,0", "a+,a+,0", "a+,a_,0", "a_,a+,0", "+a,+a,0", "+a,_a,0", "_a,+a,0", "+_,+_,0",
            "_+,+_,0", "_+,_+,0", "+,_,0", "_,+,0", "1.0~rc1,1.0~rc1,0", "1.0~rc1,1.0,-1", "1.0,1.0~rc1,1",
            "1.0~rc1,1.0~rc2,-1", "1.0~rc2,1.0~rc1,1", "1.0~rc1~git123,1.0~rc1~git123,0",
            "1.0~rc1~git123,1.0~rc1,-1", "1.0~rc1,1.0~rc1~git123,1", "1.0^,1.0^,0", "1.0^,1.0,1", "1.0,1.0^,-1",
            "1.0^git1,1.0^git1,0", "1.0^git1,1.0,1", "1.0,1.0^git1,-1", "1.0^git1,1.0^git2,-1",
            "1.0^git2,1.0^git1,1", "1.0^git1,1.01,-1", "1.01,1.0^git1,1", "1.0^20160101,1.0^20160101,0",
            "1.0^20160101,1.0.1,-1", "1.0.1,1.0^20160101,1", "1.0^20160101^git1,1.0^20160101^git1,0",
            "1.0^20160102,1.0^20160101^git1,1", "1.0^20160101^git1,1.0^20160102,-1", "1.0~rc1^git1,1.0~rc1^git1,0",
            "1.0~rc1^git1,1.0~rc1,1", "1.0~rc1,1.0~rc1^git1,-1", "1.0^git1~pre,1.0^git1~pre,0",
            "1.0^git1,1.0^git1~pre,1", "1.0^git1~pre,1.0^git1,-1"})
    void rpmOrderFollowsRpmvercmpsOwnTable(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(RpmVersion.compare(a, b)));
    }

    @Test
    void rpmEpochAndReleaseDecideAfterTheVersion() {
        assertTrue(RpmVersion.compare("1:3.0.7-18.el9", "3.0.7-27.el9") > 0);
        assertTrue(RpmVersion.compare("3.0.7-18.el9_2", "3.0.7-27.el9") < 0);
        assertEquals(0, RpmVersion.compare("3.0.7", "3.0.7-27.el9"));
    }
}
