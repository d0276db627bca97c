package org.opsbench.assets;

import java.util.Locale;

/**
 * How one item relates to another, read from source to target: "app <i>runs on</i> server". All kinds but
 * {@link #CONNECTED_TO} mean that the source needs the target: when the target fails, the source is affected.
 * {@code CONNECTED_TO} is symmetric.
 */
public enum RelationshipKind {
    /** The source runs on the target (application on server, VM on host). */
    RUNS_ON,
    /** The source needs the target (service on database). */
    DEPENDS_ON,
    /** Source and target are linked (network); followed both ways. */
    CONNECTED_TO,
    /** The source is hosted in the target (server in location). */
    HOSTED_IN,
    /** The source is owned by the target (server owned by business service). */
    OWNED_BY;

    /** The id as written in files and on the console: {@code runs-on}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code runs-on} or {@code RUNS_ON}. */
    public static RelationshipKind parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RelationshipKind k : values()) {
            if (k.name().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("relationship: one of runs-on, depends-on, connected-to, hosted-in,"
                + " owned-by, was '" + text + "'");
    }
}
