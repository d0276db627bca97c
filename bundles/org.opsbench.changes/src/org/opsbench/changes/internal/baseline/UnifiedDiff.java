package org.opsbench.changes.internal.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} style, 3 lines of context) of two texts, from their longest common subsequence of
 * lines. Quadratic in the lines: for configuration files, which are small; beyond {@value #MAX_LINES} lines a side, the
 * whole old text is shown removed and the new one added.
 */
public final class UnifiedDiff {

    /** The most lines a side compared line by line. */
    public static final int MAX_LINES = 5000;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} and {@code after} under the file names given; empty when they are equal. */
    public static String diff(String oldName, String newName, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        StringBuilder out = new StringBuilder("--- " + oldName + "\n+++ " + newName + "\n");
        // walk the edit script, grouping changes with their context into hunks
        List<int[]> script = script(a, b);
        int i = 0;
        while (i < script.size()) {
            if (script.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end)[0] != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            int aStart = -1;
            int bStart = -1;
            int aCount = 0;
            int bCount = 0;
            StringBuilder hunk = new StringBuilder();
            for (int k = start; k < end; k++) {
                int[] s = script.get(k);
                char op = (char) s[0];
                if (op != '+') {
                    aCount++;
                    if (aStart < 0) {
                        aStart = s[1];
                    }
                }
                if (op != '-') {
                    bCount++;
                    if (bStart < 0) {
                        bStart = s[2];
                    }
                }
                hunk.append(op).append(op == '+' ? b.get(s[2]) : a.get(s[1])).append('\n');
            }
            out.append("@@ -").append(range(aStart, aCount, script, start, true)).append(" +")
                    .append(range(bStart, bCount, script, start, false)).append(" @@\n").append(hunk);
            i = end;
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String range(int first, int count, List<int[]> script, int at, boolean old) {
        if (count == 0) {
            return (old ? script.get(at)[1] : script.get(at)[2]) + ",0";
        }
        return count == 1 ? Integer.toString(first + 1) : (first + 1) + "," + count;
    }

    /** The edit script: {op, index in a, index in b} (for '+' the a index is where it goes, and vice versa). */
    private static List<int[]> script(List<String> a, List<String> b) {
        List<int[]> script = new ArrayList<>();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            for (int i = 0; i < a.size(); i++) {
                script.add(new int[]{'-', i, 0});
            }
            for (int j = 0; j < b.size(); j++) {
                script.add(new int[]{'+', a.size(), j});
            }
            return script;
        }
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                script.add(new int[]{' ', i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add(new int[]{'-', i++, j});
            } else {
                script.add(new int[]{'+', i, j++});
            }
        }
        return script;
    }
}
