package org.opsbench.security.ops.internal.version;

/**
 * An RPM {@code [epoch:]version[-release]}, parsed once, ordered as rpm's {@code rpmvercmp} orders each part: runs of
 * digits numerically, runs of letters by code point, digits newer than letters, {@code ~} older than everything (even
 * the end), {@code ^} newer than the end but older than anything else; other characters separate.
 */
public record RpmVersion(long epoch, String version, String release) implements Comparable<RpmVersion> {

    /** Parses {@code text}; an absent or unparsable epoch counts as 0, an absent release as empty. */
    public static RpmVersion parse(String text) {
        Evr p = Evr.split(text);
        return new RpmVersion(p.epoch(), p.main(), p.suffix());
    }

    /** Compares two EVR strings: negative, zero or positive. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(RpmVersion o) {
        if (epoch != o.epoch) {
            return epoch < o.epoch ? -1 : 1;
        }
        int c = rpmvercmp(version, o.version);
        if (c != 0 || release.isEmpty() || o.release.isEmpty()) {
            return c;
        }
        return rpmvercmp(release, o.release);
    }

    private static boolean alnum(char c) {
        return digit(c) || alpha(c);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** rpm's {@code rpmvercmp}. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la || j < lb) {
            while (i < la && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < lb && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < la ? a.charAt(i) : 0;
            char cb = j < lb ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (i >= la) {
                    return -1;
                }
                if (j >= lb) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= la || j >= lb) {
                break;
            }
            int ei = i;
            int ej = j;
            boolean numeric = digit(ca);
            if (numeric) {
                while (ei < la && digit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < lb && digit(b.charAt(ej))) {
                    ej++;
                }
            } else {
                while (ei < la && alpha(a.charAt(ei))) {
                    ei++;
                }
                while (ej < lb && alpha(b.charAt(ej))) {
                    ej++;
                }
            }
            if (ej == j) {
                return numeric ? 1 : -1;
            }
            String sa = a.substring(i, ei);
            String sb = b.substring(j, ej);
            if (numeric) {
                sa = stripZeros(sa);
                sb = stripZeros(sb);
                if (sa.length() != sb.length()) {
                    return sa.length() > sb.length() ? 1 : -1;
                }
            }
            int rc = sa.compareTo(sb);
            if (rc != 0) {
                return rc < 0 ? -1 : 1;
            }
            i = ei;
            j = ej;
        }
        if (i >= la && j >= lb) {
            return 0;
        }
        return i >= la ? -1 : 1;
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k == 0 ? s : s.substring(k);
    }

    @Override
    public String toString() {
        return (epoch != 0 ? epoch + ":" : "") + version + (release.isEmpty() ? "" : "-" + release);
    }
}
