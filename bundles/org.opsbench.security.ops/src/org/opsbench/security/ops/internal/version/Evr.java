package org.opsbench.security.ops.internal.version;

/**
 * The split that Debian and RPM versions share, {@code [epoch:]main[-suffix]}: the epoch before the first colon (0 when
 * absent or not a number), the suffix after the last dash (empty when absent).
 */
record Evr(long epoch, String main, String suffix) {

    static Evr split(String text) {
        String s = text.strip();
        long epoch = 0;
        int colon = s.indexOf(':');
        if (colon > 0) {
            String e = s.substring(0, colon);
            if (allDigits(e) && e.length() < 18) {
                epoch = Long.parseLong(e);
            }
            s = s.substring(colon + 1);
        }
        int dash = s.lastIndexOf('-');
        return dash >= 0 ? new Evr(epoch, s.substring(0, dash), s.substring(dash + 1)) : new Evr(epoch, s, "");
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
