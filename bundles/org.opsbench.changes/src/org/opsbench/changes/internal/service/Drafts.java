package org.opsbench.changes.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.core.CiRef;
import org.opsbench.core.cmdb.ConfigurationItems;

/** Validation of what a requester writes, and the one-line rendering of a change for the audit trail. */
final class Drafts {

    private Drafts() {
    }

    /** {@code d} checked (each refusal names its field), its items confirmed with the CMDB when there is one. */
    static ChangeDraft validate(ChangeDraft d, ConfigurationItems cmdb) {
        if (d.title().isEmpty()) {
            throw new InvalidChangeException("title", "required");
        }
        if (d.title().length() > 300) {
            throw new InvalidChangeException("title", "at most 300 characters");
        }
        if (d.items().isEmpty()) {
            throw new InvalidChangeException("items", "name at least one configuration item");
        }
        if ((d.plannedStart() == null) != (d.plannedEnd() == null)) {
            throw new InvalidChangeException(d.plannedStart() == null ? "plannedStart" : "plannedEnd",
                    "give both ends of the window or neither");
        }
        if (d.plannedStart() != null) {
            window(d.plannedStart(), d.plannedEnd());
        }
        for (int i = 0; i < d.steps().size(); i++) {
            if (d.steps().get(i).isBlank() || d.steps().get(i).contains("\n")) {
                throw new InvalidChangeException("steps", "step " + (i + 1) + " must be one non-blank line");
            }
        }
        for (int i = 0; i < d.rollbackSteps().size(); i++) {
            if (d.rollbackSteps().get(i).isBlank() || d.rollbackSteps().get(i).contains("\n")) {
                throw new InvalidChangeException("rollbackSteps", "step " + (i + 1) + " must be one non-blank line");
            }
        }
        if (cmdb == null) {
            return d;
        }
        List<CiRef> resolved = new ArrayList<>();
        for (CiRef i : d.items()) {
            resolved.add(cmdb.resolve(i.id())
                    .orElseThrow(() -> new InvalidChangeException("items", "no configuration item '" + i.id() + "'")));
        }
        return new ChangeDraft(d.type(), d.title(), d.reason(), resolved, d.plannedStart(), d.plannedEnd(),
                d.steps(), d.rollbackSteps(), d.testPlan(), d.implementer());
    }

    /** Refuses a window without both ends or ending before it starts. */
    static void window(Instant start, Instant end) {
        if (start == null) {
            throw new InvalidChangeException("plannedStart", "required");
        }
        if (end == null) {
            throw new InvalidChangeException("plannedEnd", "required");
        }
        if (!end.isAfter(start)) {
            throw new InvalidChangeException("plannedEnd", "must be after the start (" + start + "), was " + end);
        }
    }

    /** A change in one line for the audit trail. */
    static String render(ChangeRequest c) {
        return c.reference() + " " + c.type() + " " + c.state() + " '" + c.title() + "' items="
                + c.draft().items().stream().map(CiRef::id).toList() + " window=" + c.draft().plannedStart() + "/"
                + c.draft().plannedEnd() + " steps=" + c.draft().steps().size() + " rollback="
                + c.draft().rollbackSteps().size();
    }
}
