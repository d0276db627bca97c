package org.opsbench.core;

/**
 * Priority derived from {@link Impact} and {@link Urgency} through the usual ITIL matrix. {@link #P1} is the most
 * pressing.
 */
public enum Priority {
    /** Critical: high impact and high urgency. */
    P1("Critical"),
    /** High. */
    P2("High"),
    /** Medium. */
    P3("Medium"),
    /** Low. */
    P4("Low"),
    /** Planning: low impact and low urgency. */
    P5("Planning");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    /** A human label such as "Critical". */
    public String label() {
        return label;
    }

    /**
     * The priority for an impact and an urgency: the 3&times;3 ITIL matrix, where each step down in either impact or
     * urgency lowers the priority by one.
     */
    public static Priority of(Impact impact, Urgency urgency) {
        if (impact == null || urgency == null) {
            throw new IllegalArgumentException("impact and urgency are required, got impact=" + impact + ", urgency="
                    + urgency);
        }
        return values()[impact.ordinal() + urgency.ordinal()];
    }
}
