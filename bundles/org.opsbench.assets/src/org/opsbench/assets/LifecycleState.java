package org.opsbench.assets;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an item is in its life: ordered, in stock, deployed, in maintenance, retired, disposed. Only the transitions of
 * {@link #next()} are legal.
 */
public enum LifecycleState {
    /** Ordered, not yet delivered. */
    ORDERED,
    /** Delivered, not in use. */
    IN_STOCK,
    /** In use. */
    DEPLOYED,
    /** In use, being repaired or serviced. */
    IN_MAINTENANCE,
    /** Out of use, still owned. */
    RETIRED,
    /** Gone for good. */
    DISPOSED;

    /** The states this one may change to. */
    public Set<LifecycleState> next() {
        return switch (this) {
            case ORDERED -> EnumSet.of(IN_STOCK);
            case IN_STOCK -> EnumSet.of(DEPLOYED, RETIRED);
            case DEPLOYED -> EnumSet.of(IN_MAINTENANCE, RETIRED);
            case IN_MAINTENANCE -> EnumSet.of(DEPLOYED, RETIRED);
            case RETIRED -> EnumSet.of(IN_STOCK, DISPOSED);
            case DISPOSED -> EnumSet.noneOf(LifecycleState.class);
        };
    }

    /** Whether a change to {@code target} is legal. */
    public boolean canBecome(LifecycleState target) {
        return next().contains(target);
    }

    /** The name as written in files and on the console: {@code in-stock}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code in-stock}, {@code IN_STOCK} or {@code in stock}. */
    public static LifecycleState parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (LifecycleState s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("lifecycle: one of ordered, in-stock, deployed, in-maintenance, retired,"
                + " disposed, was '" + text + "'");
    }
}
