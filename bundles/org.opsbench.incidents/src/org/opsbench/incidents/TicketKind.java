package org.opsbench.incidents;

/** What a ticket is: an incident (something broke) or a service request (someone asks for something). */
public enum TicketKind {
    /** Unplanned interruption or degradation of a service; references read {@code INC-000123}. */
    INCIDENT("INC"),
    /** A request for information, access or a standard change; references read {@code REQ-000045}. */
    REQUEST("REQ");

    private final String prefix;

    TicketKind(String prefix) {
        this.prefix = prefix;
    }

    /** The reference prefix, {@code INC} or {@code REQ}. */
    public String prefix() {
        return prefix;
    }

    /** The reference for sequence number {@code n}, for example {@code INC-000123}. */
    public String reference(long n) {
        return String.format("%s-%06d", prefix, n);
    }

    /** The kind of a reference such as {@code REQ-000045}, by its prefix. */
    public static TicketKind ofReference(String reference) {
        for (TicketKind k : values()) {
            if (reference != null && reference.startsWith(k.prefix + "-")) {
                return k;
            }
        }
        throw new InvalidTicketException("reference", "not a ticket reference (INC-… or REQ-…): '" + reference + "'");
    }
}
