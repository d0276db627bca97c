package org.opsbench.security.ops.internal.version;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, parsed once, ordered exactly as dpkg's
 * {@code verrevcmp} orders them: epochs numerically, then upstream and revision by alternating non-digit parts (letters
 * before non-letters, {@code ~} before everything, even the end) and digit parts (numerically).
 */
public record DebianVersion(long epoch, String upstream, String revision) implements Comparable<DebianVersion> {

    /** Parses {@code text} the way dpkg does; an unparsable epoch counts as 0. */
    public static DebianVersion parse(String text) {
        Evr p = Evr.split(text);
        return new DebianVersion(p.epoch(), p.main(), p.suffix());
    }

    /** Compares two version strings as {@code dpkg --compare-versions} does: negative, zero or positive. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(DebianVersion o) {
        if (epoch != o.epoch) {
            return epoch < o.epoch ? -1 : 1;
        }
        int c = verrevcmp(upstream, o.upstream);
        return c != 0 ? c : verrevcmp(revision, o.revision);
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digitAt(String s, int i) {
        return i < s.length() && isDigit(s.charAt(i));
    }

    /** dpkg's {@code verrevcmp} on one part (upstream or revision). */
    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !digitAt(a, i)) || (j < b.length() && !digitAt(b, j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (digitAt(a, i) && digitAt(b, j)) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (digitAt(a, i)) {
                return 1;
            }
            if (digitAt(b, j)) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return (epoch != 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }
}
