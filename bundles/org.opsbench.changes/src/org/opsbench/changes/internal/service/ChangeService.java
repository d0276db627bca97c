package org.opsbench.changes.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opsbench.changes.Approval;
import org.opsbench.changes.ChangeCalendar;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeMetrics;
import org.opsbench.changes.ChangePermissions;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeTemplate;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.ChangeWorkflow;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Conflict;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.HistoryEntry;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.changes.internal.store.ChangeStore;
import org.opsbench.changes.internal.store.ChangeStore.Edit;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link Changes}: permission check, validation, one transaction on the locked change (the workflow and its guards
 * decide inside it), audit record with before and after, then the events: {@code CHANGES_UPDATED} always,
 * {@code CHANGES_STARTED} on IMPLEMENTING and {@code CHANGES_ENDED} on IMPLEMENTED or FAILED.
 */
@Component(service = Changes.class)
public final class ChangeService implements Changes {

    /** States a change has a window in the calendar in. */
    static final Set<ChangeState> CALENDAR = EnumSet.of(ChangeState.SCHEDULED, ChangeState.IMPLEMENTING,
            ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.ROLLED_BACK, ChangeState.REVIEWED,
            ChangeState.CLOSED);
    /** States whose windows can still conflict. */
    static final Set<ChangeState> ACTIVE = EnumSet.of(ChangeState.SCHEDULED, ChangeState.IMPLEMENTING);

    private final ChangesRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;

    // the assets area, when installed, confirms items and gives their criticality; without it items are kept as given
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    /** With the area's runtime and the security core. */
    @Activate
    public ChangeService(@Reference ChangesRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
    }

    private Guards guards() {
        return new Guards(store(), this::quorum);
    }

    private ChangeStore store() {
        return runtime.changes();
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    @Override
    public ChangeRequest create(Principal caller, ChangeDraft draft) {
        access.check(caller, ChangePermissions.WRITE);
        ChangeDraft checked = Drafts.validate(draft, items);
        ChangeRequest created = store().create(checked, caller.name(), "", now());
        audit.append(new AuditEntry(caller, "changes.change.create", "change", created.reference(),
                "requested " + created.reference() + ": " + created.title(), null, Drafts.render(created)));
        updated(caller, created, null, "created");
        return created;
    }

    @Override
    public ChangeRequest createFromTemplate(Principal caller, String template, List<CiRef> targets, Instant start,
            Instant end) {
        access.check(caller, ChangePermissions.WRITE);
        ChangeTemplate t = store().templates().stream().filter(x -> x.name().equals(template)).findFirst()
                .orElseThrow(() -> new InvalidChangeException("template", "no template '" + template + "'"));
        ChangeDraft draft = Drafts
                .validate(new ChangeDraft(ChangeType.STANDARD, t.title(), t.reason(), targets, start, end,
                        t.steps(), t.rollbackSteps(), t.testPlan(), ""), items);
        ChangeRequest created = store().create(draft, caller.name(), t.name(), now());
        audit.append(new AuditEntry(caller, "changes.change.create", "change", created.reference(),
                "requested " + created.reference() + " from template " + t.name(), null, Drafts.render(created)));
        updated(caller, created, null, "created from template " + t.name());
        return created;
    }

    @Override
    public ChangeRequest update(Principal caller, String reference, ChangeDraft draft) {
        access.check(caller, ChangePermissions.WRITE);
        ChangeDraft checked = Drafts.validate(draft, items);
        ChangeStore.Modified m = store().modify(reference, caller.name(), now(), c -> {
            if (c.state() != ChangeState.DRAFT) {
                throw new IllegalStateException(
                        "only a change in DRAFT can be edited; " + reference + " is " + c.state());
            }
            if (!c.template().isEmpty() && checked.type() != ChangeType.STANDARD) {
                throw new InvalidChangeException("type", "a change from a template stays STANDARD");
            }
            if (c.template().isEmpty() && checked.type() == ChangeType.STANDARD) {
                throw new InvalidChangeException("type", "a standard change comes from a template");
            }
            return new Edit(null, checked, null, null, null, null, null);
        });
        audit.append(new AuditEntry(caller, "changes.change.update", "change", reference,
                "edited " + reference, Drafts.render(m.before()), Drafts.render(m.after())));
        updated(caller, m.after(), null, "edited");
        return m.after();
    }

    @Override
    public Optional<ChangeRequest> find(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        return store().find(reference);
    }

    @Override
    public List<ChangeRequest> list(Principal caller, Set<ChangeState> states, int limit) {
        access.check(caller, ChangePermissions.READ);
        return store().list(states, limit);
    }

    @Override
    public Set<ChangeState> allowedTransitions(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        ChangeRequest c = existing(reference);
        Set<ChangeState> allowed = EnumSet.noneOf(ChangeState.class);
        for (ChangeState s : ChangeWorkflow.next(c.type(), c.state())) {
            if (access.isAllowed(caller, Guards.permissionFor(c, s)) && guards().refusal(c, s) == null) {
                allowed.add(s);
            }
        }
        return allowed;
    }

    @Override
    public ChangeRequest transition(Principal caller, String reference, ChangeState target, String comment) {
        access.check(caller, ChangePermissions.READ);
        ChangeRequest current = existing(reference);
        access.check(caller, Guards.permissionFor(current, target));
        RiskAssessment risk = target == ChangeState.ASSESSED ? risk(current) : null;
        ChangeStore.Modified m = store().modify(reference, caller.name(), now(), c -> {
            ChangeWorkflow.check(c.type(), c.state(), target);
            if (!Guards.permissionFor(c, target).equals(Guards.permissionFor(current, target))) {
                // moved meanwhile: decide again with what it is now
                access.check(caller, Guards.permissionFor(c, target));
            }
            String refused = guards().refusal(c, target);
            if (refused != null) {
                throw new IllegalStateException(refused);
            }
            Edit edit = Edit.to(target, comment).withRisk(risk);
            if (target == ChangeState.IMPLEMENTING) {
                edit = edit.withActual(now(), null);
            } else if (target == ChangeState.IMPLEMENTED || target == ChangeState.FAILED
                    || target == ChangeState.ROLLED_BACK) {
                edit = edit.withActual(null, now());
            }
            return edit;
        });
        moved(caller, m, comment);
        return m.after();
    }

    /** Audit and events of a move. */
    private void moved(Principal caller, ChangeStore.Modified m, String comment) {
        ChangeRequest before = m.before();
        ChangeRequest after = m.after();
        String why = comment == null || comment.isBlank() ? "" : ": " + comment.strip();
        audit.append(new AuditEntry(caller, "changes.change.transition", "change", after.reference(),
                after.reference() + " " + before.state() + " -> " + after.state() + why, before.state().name(),
                after.state().name()));
        updated(caller, after, before.state(), before.state() + " -> " + after.state());
        if (after.state() == ChangeState.IMPLEMENTING && before.state() != ChangeState.IMPLEMENTING) {
            runtime.post(Topics.CHANGES_STARTED, caller,
                    WindowEvents.started(after, after.reference() + " implementing: " + after.title()));
        } else if (before.state() == ChangeState.IMPLEMENTING) {
            runtime.post(Topics.CHANGES_ENDED, caller,
                    WindowEvents.ended(after, after.reference() + " " + after.state() + ": " + after.title()));
        }
    }

    private void updated(Principal caller, ChangeRequest c, ChangeState old, String what) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.REFERENCE, c.reference());
        p.put(EventProperties.NEW_STATE, c.state().name());
        if (old != null) {
            p.put(EventProperties.OLD_STATE, old.name());
        }
        p.put(EventProperties.SUMMARY, c.reference() + " " + what + ": " + c.title());
        runtime.post(Topics.CHANGES_UPDATED, caller, p);
    }

    @Override
    public ChangeRequest submit(Principal caller, String reference) {
        ChangeRequest c = existing(reference);
        return transition(caller, reference,
                c.type() == ChangeType.STANDARD ? ChangeState.APPROVED : ChangeState.SUBMITTED,
                c.type() == ChangeType.STANDARD ? "pre-approved by template " + c.template() : "submitted");
    }

    @Override
    public ChangeRequest approve(Principal caller, String reference, String comment) {
        return decide(caller, reference, true, comment);
    }

    @Override
    public ChangeRequest reject(Principal caller, String reference, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidChangeException("comment", "say why the change is rejected");
        }
        return decide(caller, reference, false, comment);
    }

    private ChangeRequest decide(Principal caller, String reference, boolean approve, String comment) {
        access.check(caller, ChangePermissions.APPROVE);
        Instant at = now();
        ChangeStore.Modified m = store().modify(reference, caller.name(), at, c -> {
            Set<ChangeState> open = switch (c.type()) {
                case STANDARD -> throw new IllegalStateException(
                        reference + " is a standard change: its template is pre-approved");
                case NORMAL -> EnumSet.of(ChangeState.ASSESSED);
                case EMERGENCY -> approve
                        ? EnumSet.of(ChangeState.SUBMITTED, ChangeState.SCHEDULED, ChangeState.IMPLEMENTING,
                                ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.ROLLED_BACK,
                                ChangeState.REVIEWED)
                        : EnumSet.of(ChangeState.SUBMITTED);
            };
            if (!open.contains(c.state())) {
                throw new IllegalStateException(reference + " is " + c.state() + ": the board decides on a "
                        + c.type().name().toLowerCase() + " change in " + open);
            }
            if (c.requester().equals(caller.name())) {
                throw new IllegalStateException(caller.name() + " requested " + reference
                        + " and cannot decide on it: another board member must");
            }
            if (c.approvals().stream().anyMatch(a -> a.approver().equals(caller.name()))) {
                throw new IllegalStateException(caller.name() + " has already decided on " + reference);
            }
            boolean after = EnumSet.of(ChangeState.IMPLEMENTING, ChangeState.IMPLEMENTED, ChangeState.FAILED,
                    ChangeState.ROLLED_BACK, ChangeState.REVIEWED).contains(c.state());
            Approval decision = new Approval(caller.name(), approve, comment == null ? "" : comment.strip(), at,
                    after);
            ChangeState next = null;
            if (!approve) {
                next = ChangeState.REJECTED;
            } else if ((c.state() == ChangeState.ASSESSED || c.state() == ChangeState.SUBMITTED)
                    && c.approvalCount() + 1 >= quorum(c.type())) {
                next = ChangeState.APPROVED;
            }
            if (next != null) {
                ChangeWorkflow.check(c.type(), c.state(), next);
            }
            return new Edit(next, null, null, decision, null, null,
                    (approve ? "approved by " : "rejected by ") + caller.name());
        });
        ChangeRequest after = m.after();
        audit.append(new AuditEntry(caller, approve ? "changes.change.approve" : "changes.change.reject", "change",
                reference, caller.name() + (approve ? " approved " : " rejected ") + reference + " ("
                        + after.approvalCount() + " of " + quorum(after.type()) + ")",
                m.before().state().name(), after.state().name()));
        if (after.state() != m.before().state()) {
            updated(caller, after, m.before().state(), m.before().state() + " -> " + after.state());
        } else {
            updated(caller, after, null, (approve ? "approved by " : "rejected by ") + caller.name());
        }
        return after;
    }

    @Override
    public int quorum(ChangeType type) {
        return switch (type) {
            case STANDARD -> 0;
            case NORMAL -> Math.max(1, runtime.config().normalQuorum());
            case EMERGENCY -> Math.max(1, runtime.config().emergencyQuorum());
        };
    }

    @Override
    public List<Conflict> schedule(Principal caller, String reference, Instant start, Instant end) {
        access.check(caller, ChangePermissions.WRITE);
        Drafts.window(start, end);
        ChangeStore.Modified m = store().modify(reference, caller.name(), now(), c -> {
            ChangeWorkflow.check(c.type(), c.state(), ChangeState.SCHEDULED);
            String frozen = guards().frozen(c, start, end);
            if (frozen != null) {
                throw new IllegalStateException(frozen);
            }
            return Edit.to(ChangeState.SCHEDULED, "scheduled " + start + " to " + end)
                    .withDraft(c.draft().withWindow(start, end));
        });
        moved(caller, m, "window " + start + " to " + end);
        return conflictsOf(m.after());
    }

    @Override
    public List<HistoryEntry> history(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        return store().history(reference);
    }

    @Override
    public RiskAssessment assessRisk(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        return risk(existing(reference));
    }

    private RiskAssessment risk(ChangeRequest c) {
        ConfigurationItems cmdb = items;
        return Risk.assess(c, i -> cmdb == null ? Map.of() : cmdb.facts(i), store().everFailed());
    }

    @Override
    public ChangeCalendar calendar(Principal caller, Instant from, Instant to) {
        access.check(caller, ChangePermissions.READ);
        List<ChangeRequest> shown = store().overlapping(from, to, CALENDAR);
        return new ChangeCalendar(shown, store().freezes(from, to), Calendars.conflicts(shown));
    }

    @Override
    public List<Conflict> conflicts(Principal caller, String reference) {
        access.check(caller, ChangePermissions.READ);
        return conflictsOf(existing(reference));
    }

    private List<Conflict> conflictsOf(ChangeRequest c) {
        if (c.draft().plannedStart() == null || c.draft().plannedEnd() == null) {
            return List.of();
        }
        List<ChangeRequest> around = new ArrayList<>(
                store().overlapping(c.draft().plannedStart(), c.draft().plannedEnd(), ACTIVE));
        if (around.stream().noneMatch(o -> o.reference().equals(c.reference()))) {
            around.add(c);
        }
        return Calendars.conflicts(around).stream()
                .filter(x -> x.first().equals(c.reference()) || x.second().equals(c.reference())).toList();
    }

    @Override
    public FreezeWindow saveFreeze(Principal caller, FreezeWindow freeze) {
        access.check(caller, ChangePermissions.APPROVE);
        if (freeze.name() == null || freeze.name().isBlank()) {
            throw new InvalidChangeException("name", "required");
        }
        Drafts.window(freeze.start(), freeze.end());
        FreezeWindow saved = store().saveFreeze(freeze);
        audit.append(new AuditEntry(caller, "changes.freeze.save", "freeze", Long.toString(saved.id()),
                "freeze '" + saved.name() + "' " + saved.start() + " to " + saved.end(), null, saved.toString()));
        return saved;
    }

    @Override
    public boolean deleteFreeze(Principal caller, long id) {
        access.check(caller, ChangePermissions.APPROVE);
        Optional<FreezeWindow> gone = store().deleteFreeze(id);
        gone.ifPresent(f -> audit.append(new AuditEntry(caller, "changes.freeze.delete", "freeze", Long.toString(id),
                "deleted freeze '" + f.name() + "'", f.toString(), null)));
        return gone.isPresent();
    }

    @Override
    public List<FreezeWindow> freezes(Principal caller, Instant from, Instant to) {
        access.check(caller, ChangePermissions.READ);
        return store().freezes(from, to);
    }

    @Override
    public void saveTemplate(Principal caller, ChangeTemplate template) {
        access.check(caller, ChangePermissions.APPROVE);
        if (template.name() == null || !template.name().matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new InvalidChangeException("name", "lower-case letters, digits, '.', '_' and '-', was '"
                    + template.name() + "'");
        }
        if (template.title() == null || template.title().isBlank()) {
            throw new InvalidChangeException("title", "required");
        }
        if (template.steps().isEmpty()) {
            throw new InvalidChangeException("steps", "a standard change has at least one step");
        }
        Optional<ChangeTemplate> before = store().saveTemplate(template);
        audit.append(new AuditEntry(caller, "changes.template.save", "change-template", template.name(),
                (before.isPresent() ? "changed" : "added") + " standard template " + template.name(),
                before.map(Object::toString).orElse(null), template.toString()));
    }

    @Override
    public List<ChangeTemplate> templates(Principal caller) {
        access.check(caller, ChangePermissions.READ);
        return store().templates();
    }

    @Override
    public ChangeMetrics metrics(Principal caller, Instant from, Instant to) {
        access.check(caller, ChangePermissions.READ);
        List<ChangeRequest> implemented = store().reached(ChangeState.IMPLEMENTED, from, to);
        List<ChangeRequest> failed = store().reached(ChangeState.FAILED, from, to);
        List<ChangeRequest> rolledBack = store().reached(ChangeState.ROLLED_BACK, from, to);
        long emergency = java.util.stream.Stream.concat(implemented.stream(), failed.stream())
                .filter(c -> c.type() == ChangeType.EMERGENCY).map(ChangeRequest::reference).distinct().count();
        return new ChangeMetrics(implemented.size(), failed.size(), rolledBack.size(), (int) emergency);
    }

    private ChangeRequest existing(String reference) {
        return store().find(reference).orElseThrow(() -> new IllegalArgumentException("no change " + reference));
    }
}
