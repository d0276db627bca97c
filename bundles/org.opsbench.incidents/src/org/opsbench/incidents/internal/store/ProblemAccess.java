package org.opsbench.incidents.internal.store;

/** Read access to a problem entity's columns from the service package. */
public final class ProblemAccess {

    private ProblemAccess() {
    }

    /** The match terms column. */
    public static String terms(ProblemEntity e) {
        return e.matchTerms;
    }

    /** The CIs column. */
    public static String cis(ProblemEntity e) {
        return e.cis;
    }
}
