package org.opsbench.incidents.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.CiRef;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.internal.store.TicketRow;

/** Checks of ticket input; each refusal names the field. */
public final class Validation {

    private Validation() {
    }

    /** Refuses text longer than {@code max}, or blank when {@code required}. */
    public static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value;
        if (required && v.isBlank()) {
            throw new InvalidTicketException(field, "is required");
        }
        if (v.length() > max) {
            throw new InvalidTicketException(field, "at most " + max + " characters, was " + v.length());
        }
        return v;
    }

    /** Like {@link #text} but optional: blank becomes {@code null}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value.strip(), max, false);
    }

    /**
     * Resolves CI ids through the CMDB when one is installed (an unknown id is refused); without one the ids are kept
     * as references of type {@code ci}.
     */
    public static List<CiRef> cis(List<String> ids, ConfigurationItems cmdb) {
        List<CiRef> out = new ArrayList<>();
        for (String raw : ids) {
            String id = raw == null ? "" : raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (cmdb == null) {
                out.add(new CiRef(id, "ci", id));
                continue;
            }
            Optional<CiRef> ci = cmdb.resolve(id);
            if (ci.isEmpty()) {
                throw new InvalidTicketException("cis", "no configuration item '" + id + "'");
            }
            out.add(ci.get());
        }
        return out;
    }

    /** Refuses a group that is not configured. */
    public static String group(String group, List<AssignmentGroup> groups) {
        if (group != null && groups.stream().noneMatch(g -> g.name().equals(group))) {
            throw new InvalidTicketException("group", "no assignment group '" + group + "'");
        }
        return group;
    }

    /** Copies the editable fields of {@code d} into {@code t}, validated; priority from the matrix. */
    public static void fields(TicketRow t, TicketDraft d, PriorityMatrix matrix, List<CiRef> cis) {
        t.title = text("title", d.title(), 200, true);
        t.description = text("description", d.description(), 32000, false);
        t.caller = text("caller", d.caller(), 200, false);
        t.category = text("category", d.category(), 100, false);
        t.priority = matrix.priority(d.impact(), d.urgency());
        t.impact = d.impact();
        t.urgency = d.urgency();
        t.kind = d.kind();
        t.cis = cis;
    }
}
