package org.opsbench.incidents;

import java.util.List;

/**
 * What a caller fills in to log a ticket or to change its fields.
 *
 * @param kind
 *            incident or request
 * @param title
 *            one line, required, at most 200 characters
 * @param description
 *            free text
 * @param caller
 *            contact of the affected user
 * @param category
 *            category (selects a category SLA policy when there is one)
 * @param ciIds
 *            ids of affected configuration items (checked against the CMDB when it is installed)
 * @param impact
 *            impact level, 1 = highest, up to the matrix size
 * @param urgency
 *            urgency level, 1 = highest
 * @param group
 *            assignment group, or {@code null}
 * @param assignee
 *            assignee login, or {@code null}
 */
public record TicketDraft(TicketKind kind, String title, String description, String caller, String category,
        List<String> ciIds, int impact, int urgency, String group, String assignee) {

    /** Normalizes blanks to empty or {@code null}. */
    public TicketDraft {
        kind = kind == null ? TicketKind.INCIDENT : kind;
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description;
        caller = caller == null ? "" : caller.strip();
        category = category == null ? "" : category.strip();
        ciIds = ciIds == null ? List.of() : List.copyOf(ciIds);
        group = group == null || group.isBlank() ? null : group.strip();
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    /** An incident with a title and levels, nothing else. */
    public static TicketDraft incident(String title, int impact, int urgency) {
        return new TicketDraft(TicketKind.INCIDENT, title, "", "", "", List.of(), impact, urgency, null, null);
    }

    /** A copy in {@code group}. */
    public TicketDraft withGroup(String newGroup) {
        return new TicketDraft(kind, title, description, caller, category, ciIds, impact, urgency, newGroup,
                assignee);
    }

    /** A copy with a category and CIs. */
    public TicketDraft withCategory(String newCategory, List<String> newCiIds) {
        return new TicketDraft(kind, title, description, caller, newCategory, newCiIds, impact, urgency, group,
                assignee);
    }
}
