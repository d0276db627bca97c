package org.opsbench.incidents.ui.internal;

/** Element ids of the incidents views (part descriptors in fragment.e4xmi). */
public final class IncidentsViews {

    /** The ticket queue. */
    public static final String QUEUE = "org.opsbench.incidents.ui.part.queue";
    /** The ticket editor. */
    public static final String TICKET = "org.opsbench.incidents.ui.part.ticket";
    /** Problems and known errors. */
    public static final String PROBLEMS = "org.opsbench.incidents.ui.part.problems";
    /** The knowledge base. */
    public static final String KNOWLEDGE = "org.opsbench.incidents.ui.part.knowledge";
    /** SLA policies and the calendar. */
    public static final String SLA = "org.opsbench.incidents.ui.part.sla";

    private IncidentsViews() {
    }
}
