package org.opsbench.incidents.internal.service;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.ProblemDraft;
import org.opsbench.incidents.Problems;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.store.DeskStore;
import org.opsbench.incidents.internal.store.ProblemEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@link Problems}: JPA for the problem, the incident link as a column of the ticket; audited, then the event. */
@Component(service = Problems.class)
public final class ProblemsService implements Problems {

    private final IncidentsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    /** With the runtime and the security core. */
    @Activate
    public ProblemsService(@Reference IncidentsRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
    }

    private long now() {
        return runtime.clock().millis();
    }

    private Problem view(ProblemEntity e) {
        try {
            return DeskStore.problem(e, runtime.tickets().ofProblem(DeskStore.reference(e)));
        } catch (SQLException x) {
            throw TicketService.database(x);
        }
    }

    private static void validate(ProblemDraft d) {
        Validation.text("title", d.title(), 200, true);
        Validation.text("description", d.description(), 32000, false);
        Validation.text("rootCause", d.rootCause(), 8000, false);
        Validation.text("workaround", d.workaround(), 8000, false);
    }

    @Override
    public Problem create(Principal caller, ProblemDraft draft) {
        access.check(caller, IncidentsPermissions.PROBLEMS);
        validate(draft);
        var cis = Validation.cis(draft.ciIds(), items);
        ProblemEntity e = runtime.desk().write(em -> {
            ProblemEntity p = DeskStore.newProblem(String.format("PRB-%06d", DeskStore.next(em, "PRB")));
            DeskStore.fill(p, draft.title(), draft.description(), draft.rootCause(), draft.workaround(),
                    draft.matchTerms(), cis, now());
            em.persist(p);
            return p;
        });
        Problem p = view(e);
        audit.append(new AuditEntry(caller, "incidents.problem.create", "problem", p.reference(),
                "recorded problem " + p.reference() + ": " + p.title(), null, p.toString()));
        post(caller, p, "recorded");
        return p;
    }

    private ProblemEntity find(jakarta.persistence.EntityManager em, String reference) {
        ProblemEntity e = em.find(ProblemEntity.class, TicketService.normal(reference));
        if (e == null) {
            throw new InvalidTicketException("problem", "no problem " + TicketService.normal(reference));
        }
        return e;
    }

    @Override
    public Problem update(Principal caller, String reference, ProblemDraft draft) {
        access.check(caller, IncidentsPermissions.PROBLEMS);
        validate(draft);
        var cis = Validation.cis(draft.ciIds(), items);
        Problem[] before = new Problem[1];
        ProblemEntity e = runtime.desk().write(em -> {
            ProblemEntity p = find(em, reference);
            before[0] = DeskStore.problem(p, List.of());
            DeskStore.fill(p, draft.title(), draft.description(), draft.rootCause(), draft.workaround(),
                    draft.matchTerms(), cis, now());
            return p;
        });
        Problem p = view(e);
        audit.append(new AuditEntry(caller, "incidents.problem.update", "problem", p.reference(),
                "changed problem " + p.reference(), before[0].toString(), p.toString()));
        post(caller, p, "changed");
        return p;
    }

    @Override
    public Optional<Problem> problem(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.desk().read(em -> Optional.ofNullable(
                em.find(ProblemEntity.class, TicketService.normal(reference)))).map(this::view);
    }

    @Override
    public List<Problem> problems(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.desk().problems().stream().map(this::view).toList();
    }

    @Override
    public void link(Principal caller, String problem, String incident) {
        access.check(caller, IncidentsPermissions.PROBLEMS);
        String prb = TicketService.normal(problem);
        String inc = TicketService.normal(incident);
        if (TicketKind.ofReference(inc) != TicketKind.INCIDENT) {
            throw new InvalidTicketException("incident", "only incidents link to problems, not " + inc);
        }
        if (runtime.desk().read(em -> em.find(ProblemEntity.class, prb)) == null) {
            throw new InvalidTicketException("problem", "no problem " + prb);
        }
        String[] before = new String[1];
        try {
            runtime.tickets().inTransaction(c -> {
                var t = runtime.tickets().lock(c, inc)
                        .orElseThrow(() -> new InvalidTicketException("incident", "no ticket " + inc));
                before[0] = t.problem;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE INC_TICKET SET PROBLEM = ?, UPDATED = ? WHERE ID = ?")) {
                    ps.setString(1, prb);
                    ps.setLong(2, now());
                    ps.setLong(3, t.id);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
        audit.append(new AuditEntry(caller, "incidents.problem.link", "ticket", inc, "linked " + inc + " to " + prb,
                before[0], prb));
        runtime.post(Topics.INCIDENTS_UPDATED, Map.of(EventProperties.REFERENCE, inc, EventProperties.PRINCIPAL,
                caller.name(), EventProperties.SUMMARY, inc + " linked to problem " + prb,
                EventProperties.TIMESTAMP, now()));
    }

    @Override
    public Problem publishKnownError(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.PROBLEMS);
        ProblemEntity e = runtime.desk().write(em -> {
            ProblemEntity p = find(em, reference);
            if (DeskStore.workaround(p).isBlank()) {
                throw new InvalidTicketException("workaround", "a known error needs a workaround");
            }
            DeskStore.setState(p, true, false, now());
            return p;
        });
        Problem p = view(e);
        audit.append(new AuditEntry(caller, "incidents.problem.publish", "problem", p.reference(),
                "published known error " + p.reference(), null, p.workaround()));
        post(caller, p, "published as known error");
        return p;
    }

    @Override
    public Problem close(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.PROBLEMS);
        ProblemEntity e = runtime.desk().write(em -> {
            ProblemEntity p = find(em, reference);
            DeskStore.setState(p, null, true, now());
            return p;
        });
        Problem p = view(e);
        audit.append(AuditEntry.of(caller, "incidents.problem.close", "problem", p.reference(),
                "closed problem " + p.reference()));
        post(caller, p, "closed");
        return p;
    }

    private void post(Principal caller, Problem p, String what) {
        runtime.post(Topics.INCIDENTS_UPDATED, Map.of(EventProperties.REFERENCE, p.reference(),
                EventProperties.PRINCIPAL, caller.name(), EventProperties.SUMMARY,
                p.reference() + " " + what + ": " + p.title(), EventProperties.TIMESTAMP, now()));
    }
}
