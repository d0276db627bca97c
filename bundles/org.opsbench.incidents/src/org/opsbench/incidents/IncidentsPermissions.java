package org.opsbench.incidents;

/** The permissions the incidents area checks (declared as data by its {@code PermissionSet} service). */
public final class IncidentsPermissions {

    /** See tickets, problems, the knowledge base and metrics. */
    public static final String READ = "incidents:read";
    /** Log tickets, change their fields and states, write worklog, attach files. */
    public static final String WRITE = "incidents:write";
    /** Assign and reassign tickets. */
    public static final String ASSIGN = "incidents:assign";
    /** Import tickets from CSV. */
    public static final String IMPORT = "incidents:import";
    /** Record problems and publish known errors. */
    public static final String PROBLEMS = "incidents:problems";
    /** Write knowledge-base articles. */
    public static final String KNOWLEDGE = "incidents:knowledge";
    /** Configure groups, the priority matrix, the calendar and SLA policies. */
    public static final String ADMIN = "incidents:admin";

    private IncidentsPermissions() {
    }
}
