package org.opsbench.assets.internal.console;

import java.util.ArrayList;
import java.util.List;

/** A text table with aligned columns; {@code null} cells print as {@code -}, the last column is not padded. */
final class Table {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers;
    }

    Table row(Object... cells) {
        String[] r = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString().replaceAll("[\\r\\n\\t]+", " ") : "-";
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : prepend()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private List<String[]> prepend() {
        List<String[]> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
