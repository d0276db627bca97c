package org.opsbench.incidents;

import java.util.Arrays;

import org.opsbench.core.Impact;
import org.opsbench.core.Priority;
import org.opsbench.core.Urgency;

/**
 * The configurable priority matrix: impact &times; urgency levels, level 1 the highest, to {@link Priority}. The ITIL
 * 3&times;3 matrix is the default; {@link #itil5()} is the 5&times;5 one. {@code cells[i][u]} is the priority for
 * impact level {@code i + 1} and urgency level {@code u + 1}.
 *
 * @param size
 *            the number of impact and urgency levels, 3 or 5
 * @param cells
 *            the priorities, {@code size} rows of {@code size}
 */
public record PriorityMatrix(int size, Priority[][] cells) {

    /** Validates the shape and copies the cells. */
    public PriorityMatrix {
        if (size != 3 && size != 5) {
            throw new InvalidTicketException("matrix.size", "3 or 5 levels, was " + size);
        }
        if (cells == null || cells.length != size) {
            throw new InvalidTicketException("matrix.cells", size + " rows needed");
        }
        Priority[][] copy = new Priority[size][];
        for (int i = 0; i < size; i++) {
            if (cells[i] == null || cells[i].length != size || Arrays.asList(cells[i]).contains(null)) {
                throw new InvalidTicketException("matrix.cells", "row " + (i + 1) + " needs " + size + " priorities");
            }
            copy[i] = cells[i].clone();
        }
        cells = copy;
    }

    /** The ITIL 3&times;3 matrix: each step down in impact or urgency lowers the priority by one (P1..P5). */
    public static PriorityMatrix itil3() {
        return generated(3, 1);
    }

    /** A 5&times;5 matrix: priority P(1 + floor((impact + urgency - 2) / 2)), so P1..P5 on the diagonal steps. */
    public static PriorityMatrix itil5() {
        return generated(5, 2);
    }

    private static PriorityMatrix generated(int size, int stepsPerPriority) {
        Priority[][] cells = new Priority[size][size];
        for (int i = 0; i < size; i++) {
            for (int u = 0; u < size; u++) {
                cells[i][u] = Priority.values()[Math.min(4, (i + u) / stepsPerPriority)];
            }
        }
        return new PriorityMatrix(size, cells);
    }

    /**
     * The priority for impact and urgency levels (1 = highest).
     *
     * @throws InvalidTicketException
     *             naming {@code impact} or {@code urgency} when a level is outside 1..size
     */
    public Priority priority(int impact, int urgency) {
        level("impact", impact);
        level("urgency", urgency);
        return cells[impact - 1][urgency - 1];
    }

    /** Refuses a level outside 1..size, naming {@code field}. */
    public void level(String field, int level) {
        if (level < 1 || level > size) {
            throw new InvalidTicketException(field, "a level from 1 (highest) to " + size + ", was " + level);
        }
    }

    /** The priority for the core's 3-level impact and urgency, mapped onto this matrix's levels. */
    public Priority priority(Impact impact, Urgency urgency) {
        return priority(1 + impact.ordinal() * (size - 1) / 2, 1 + urgency.ordinal() * (size - 1) / 2);
    }

    /** One line a row, levels separated by blanks: {@code P1 P2 P3 / P2 P3 P4 / P3 P4 P5}. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Priority[] row : cells) {
            if (!b.isEmpty()) {
                b.append(" / ");
            }
            b.append(String.join(" ", Arrays.stream(row).map(Enum::name).toList()));
        }
        return b.toString();
    }

    /** Parses {@link #encode()}'s form. */
    public static PriorityMatrix decode(String text) {
        String[] rows = text.strip().split("\\s*/\\s*");
        Priority[][] cells = new Priority[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] parts = rows[i].strip().split("\\s+");
            cells[i] = new Priority[parts.length];
            for (int u = 0; u < parts.length; u++) {
                try {
                    cells[i][u] = Priority.valueOf(parts[u].toUpperCase());
                } catch (IllegalArgumentException e) {
                    throw new InvalidTicketException("matrix.cells", "not a priority P1..P5: '" + parts[u] + "'");
                }
            }
        }
        return new PriorityMatrix(rows.length, cells);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriorityMatrix m && m.size == size && Arrays.deepEquals(m.cells, cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return "PriorityMatrix[" + encode() + "]";
    }

    /** The cells, copied. */
    @Override
    public Priority[][] cells() {
        Priority[][] copy = new Priority[size][];
        for (int i = 0; i < size; i++) {
            copy[i] = cells[i].clone();
        }
        return copy;
    }
}
