package org.opsbench.incidents.internal.store;

import java.util.ArrayList;
import java.util.List;

import org.opsbench.core.CiRef;

/** Small text encodings of list columns. */
public final class Texts {

    private Texts() {
    }

    /** CI references, one a line, {@code type<TAB>id<TAB>name}. */
    public static String cis(List<CiRef> cis) {
        StringBuilder b = new StringBuilder();
        for (CiRef ci : cis) {
            b.append(clean(ci.type())).append('\t').append(clean(ci.id())).append('\t').append(clean(ci.name()))
                    .append('\n');
        }
        return b.toString();
    }

    /** Parses {@link #cis(List)}. */
    public static List<CiRef> cis(String text) {
        List<CiRef> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] p = line.split("\t", -1);
            if (p.length == 3) {
                out.add(new CiRef(p[1], p[0], p[2]));
            }
        }
        return out;
    }

    /** Words, separated by commas. */
    public static String list(List<String> items) {
        return String.join(",", items.stream().map(Texts::clean).map(s -> s.replace(",", " ")).toList());
    }

    /** Parses {@link #list(List)}. */
    public static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
