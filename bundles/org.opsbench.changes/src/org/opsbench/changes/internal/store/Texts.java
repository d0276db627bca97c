package org.opsbench.changes.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opsbench.core.CiRef;

/** How lists are kept in text columns: one entry a line; items as {@code id TAB type TAB name}. */
public final class Texts {

    private Texts() {
    }

    /** One entry a line (line breaks inside an entry become spaces). */
    public static String lines(List<String> values) {
        return String.join("\n", values.stream().map(v -> v.replace('\r', ' ').replace('\n', ' ')).toList());
    }

    /** The non-blank lines of {@code text}. */
    public static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    static String items(List<CiRef> items) {
        List<String> lines = new ArrayList<>();
        for (CiRef i : items) {
            lines.add(clean(i.id()) + "\t" + clean(i.type()) + "\t" + clean(i.name()));
        }
        return String.join("\n", lines);
    }

    static List<CiRef> items(String text) {
        List<CiRef> items = new ArrayList<>();
        for (String line : lines(text)) {
            String[] p = line.split("\t", 3);
            items.add(new CiRef(p[0], p[1], p.length > 2 ? p[2] : ""));
        }
        return items;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** Length-prefixed records: {@code <length>:<text>} repeated, so any text survives. */
    static String pack(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(v.length()).append(':').append(v);
        }
        return b.toString();
    }

    static List<String> unpack(String packed) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < packed.length()) {
            int colon = packed.indexOf(':', i);
            int length = Integer.parseInt(packed.substring(i, colon));
            values.add(packed.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return values;
    }
}
