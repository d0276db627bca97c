package org.opsbench.incidents;

import java.time.Duration;
import java.util.List;

import org.opsbench.core.Principal;

/**
 * Configuration of the service desk: assignment groups, the priority matrix, the business-hours calendar, SLA policies
 * and policy switches. Reads need {@link IncidentsPermissions#READ}, changes {@link IncidentsPermissions#ADMIN};
 * changes are audited with before and after.
 */
public interface IncidentsAdmin {

    /** The assignment groups, by name. */
    List<AssignmentGroup> groups(Principal caller);

    /** Creates or replaces a group. */
    void saveGroup(Principal caller, AssignmentGroup group);

    /** Deletes a group (its tickets keep the name); whether it existed. */
    boolean deleteGroup(Principal caller, String name);

    /** The priority matrix (ITIL 3&times;3 until changed). */
    PriorityMatrix matrix(Principal caller);

    /** Replaces the matrix; existing tickets keep their priority. */
    void saveMatrix(Principal caller, PriorityMatrix matrix);

    /** The business-hours calendar of SLA clocks. */
    BusinessCalendar calendar(Principal caller);

    /**
     * Replaces the calendar and, in the same transaction, recomputes the SLA deadlines of every open ticket on it (the
     * business time already spent in Pending is kept).
     */
    void saveCalendar(Principal caller, BusinessCalendar calendar);

    /** The SLA policies, by priority then name. */
    List<SlaPolicy> policies(Principal caller);

    /** Replaces all SLA policies (names unique; at most one per priority and category). */
    void savePolicies(Principal caller, List<SlaPolicy> policies);

    /** The service-desk switches. */
    Settings settings(Principal caller);

    /** Replaces the switches. */
    void saveSettings(Principal caller, Settings settings);

    /**
     * Service-desk switches.
     *
     * @param reopenWindow
     *            how long after resolution a ticket may be reopened
     * @param attachmentLimit
     *            largest attachment in bytes
     * @param autoResolve
     *            whether a monitoring recovery resolves the incident it opened
     * @param monitoringGroup
     *            assignment group of incidents opened from monitoring, or {@code null}
     */
    record Settings(Duration reopenWindow, long attachmentLimit, boolean autoResolve, String monitoringGroup) {

        /** Validates. */
        public Settings {
            if (reopenWindow == null || reopenWindow.isNegative()) {
                throw new InvalidTicketException("reopenWindow", "zero or more, was " + reopenWindow);
            }
            if (attachmentLimit < 1 || attachmentLimit > 64L * 1024 * 1024) {
                throw new InvalidTicketException("attachmentLimit", "1 byte to 64 MiB, was " + attachmentLimit);
            }
            monitoringGroup = monitoringGroup == null || monitoringGroup.isBlank() ? null : monitoringGroup.strip();
        }

        /** Seven days to reopen, 5 MiB attachments, auto-resolve on, no monitoring group. */
        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), 5L * 1024 * 1024, true, null);
        }
    }
}
