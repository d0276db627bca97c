package org.opsbench.rest;

/**
 * The state of one readiness condition.
 *
 * @param up
 *            whether the condition holds
 * @param detail
 *            a short explanation for operators (never a secret)
 */
public record Health(boolean up, String detail) {

    /** Normalises a missing detail. */
    public Health {
        detail = detail == null ? "" : detail;
    }

    /** Up, with {@code detail}. */
    public static Health up(String detail) {
        return new Health(true, detail);
    }

    /** Down, with {@code detail}. */
    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
