package org.opsbench.changes.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.opsbench.changes.Approval;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeTemplate;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.HistoryEntry;
import org.opsbench.changes.HostAccess;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.changes.StepRun;

import org.opsbench.persistence.JpaWork;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;

/**
 * Changes, approvals, history, step runs, templates, freeze windows and host access through JPA. Each method is one
 * transaction; what leaves here are the API records.
 */
public final class ChangeStore {

    /**
     * What a {@link ChangeStore#modify} step changes; {@code null} components stay as they are.
     *
     * @param state
     *            the new state (a history row is written when it differs)
     * @param draft
     *            new fields
     * @param risk
     *            a new assessment
     * @param approval
     *            a decision to add
     * @param actualStart
     *            when implementation started
     * @param actualEnd
     *            when it ended
     * @param comment
     *            the history comment
     */
    public record Edit(ChangeState state, ChangeDraft draft, RiskAssessment risk, Approval approval,
            Instant actualStart, Instant actualEnd, String comment) {

        /** Only a move to {@code state}. */
        public static Edit to(ChangeState state, String comment) {
            return new Edit(state, null, null, null, null, null, comment);
        }

        /** This edit with other fields. */
        public Edit withDraft(ChangeDraft d) {
            return new Edit(state, d, risk, approval, actualStart, actualEnd, comment);
        }

        /** This edit with a risk assessment. */
        public Edit withRisk(RiskAssessment r) {
            return new Edit(state, draft, r, approval, actualStart, actualEnd, comment);
        }

        /** This edit with an approval. */
        public Edit withApproval(Approval a) {
            return new Edit(state, draft, risk, a, actualStart, actualEnd, comment);
        }

        /** This edit with the actual start and end. */
        public Edit withActual(Instant start, Instant end) {
            return new Edit(state, draft, risk, approval, start, end, comment);
        }
    }

    /** A change before and after a modification. */
    public record Modified(ChangeRequest before, ChangeRequest after) {
    }

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public ChangeStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Stores a new change in DRAFT and numbers it. */
    public ChangeRequest create(ChangeDraft draft, String requester, String template, Instant now) {
        return JpaWork.write(emf, em -> {
            ChangeEntity e = new ChangeEntity();
            e.state = ChangeState.DRAFT.name();
            e.requester = requester;
            e.template = template == null ? "" : template;
            e.created = now.toEpochMilli();
            apply(e, draft);
            e.updated = e.created;
            em.persist(e);
            em.flush();
            e.reference = String.format("CHG-%06d", e.id);
            history(em, e.id, null, ChangeState.DRAFT, requester, now, "created");
            return request(em, e);
        });
    }

    /** The change numbered {@code reference}. */
    public Optional<ChangeRequest> find(String reference) {
        return JpaWork.read(emf, em -> entity(em, reference, false).map(e -> request(em, e)));
    }

    /** The changes in {@code states} (all when empty), newest first. */
    public List<ChangeRequest> list(Set<ChangeState> states, int limit) {
        return JpaWork.read(emf, em -> {
            var q = states.isEmpty()
                    ? em.createQuery("SELECT c FROM ChangeEntity c ORDER BY c.id DESC", ChangeEntity.class)
                    : em.createQuery("SELECT c FROM ChangeEntity c WHERE c.state IN :s ORDER BY c.id DESC",
                            ChangeEntity.class).setParameter("s", states.stream().map(Enum::name).toList());
            return q.setMaxResults(limit).getResultList().stream().map(e -> request(em, e)).toList();
        });
    }

    /**
     * The changes whose planned or actual window overlaps {@code [from, to)}, in {@code states} (all when empty), by
     * start.
     */
    public List<ChangeRequest> overlapping(Instant from, Instant to, Collection<ChangeState> states) {
        return JpaWork.read(emf, em -> em.createQuery("SELECT c FROM ChangeEntity c WHERE"
                + " (c.plannedStart < :to AND c.plannedEnd > :from)"
                + " OR (c.actualStart < :to AND (c.actualEnd IS NULL OR c.actualEnd > :from))"
                + " ORDER BY c.plannedStart, c.id", ChangeEntity.class).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli()).getResultList().stream()
                .filter(e -> states.isEmpty() || states.contains(ChangeState.valueOf(e.state)))
                .map(e -> request(em, e)).toList());
    }

    /**
     * Loads the change locked, lets {@code step} decide (it may throw: nothing is written), applies its edit and writes
     * the history row, in one transaction.
     */
    public Modified modify(String reference, String principal, Instant now, Function<ChangeRequest, Edit> step) {
        return JpaWork.write(emf, em -> {
            ChangeEntity e = entity(em, reference, true)
                    .orElseThrow(() -> new IllegalArgumentException("no change " + reference));
            ChangeRequest before = request(em, e);
            Edit edit = step.apply(before);
            if (edit.draft() != null) {
                apply(e, edit.draft());
            }
            if (edit.risk() != null) {
                e.riskScore = edit.risk().score();
                e.riskReasons = Texts.lines(edit.risk().reasons());
            }
            if (edit.approval() != null) {
                Approval a = edit.approval();
                ApprovalEntity ae = new ApprovalEntity();
                ae.changeId = e.id;
                ae.approver = a.approver();
                ae.approved = a.approved();
                ae.comment = a.comment() == null ? "" : a.comment();
                ae.at = a.at().toEpochMilli();
                ae.afterStart = a.afterImplementation();
                em.persist(ae);
            }
            if (edit.actualStart() != null) {
                e.actualStart = edit.actualStart().toEpochMilli();
                e.actualEnd = null;
            }
            if (edit.actualEnd() != null) {
                e.actualEnd = edit.actualEnd().toEpochMilli();
            }
            if (edit.state() != null && !edit.state().name().equals(e.state)) {
                history(em, e.id, before.state(), edit.state(), principal, now, edit.comment());
                e.state = edit.state().name();
            }
            e.updated = now.toEpochMilli();
            em.flush();
            return new Modified(before, request(em, e));
        });
    }

    /** The workflow history of a change, oldest first. */
    public List<HistoryEntry> history(String reference) {
        return JpaWork.read(emf, em -> entity(em, reference, false).map(e -> em
                .createQuery("SELECT h FROM HistoryEntity h WHERE h.changeId = :c ORDER BY h.id", HistoryEntity.class)
                .setParameter("c", e.id).getResultList().stream()
                .map(h -> new HistoryEntry(h.fromState == null ? null : ChangeState.valueOf(h.fromState),
                        ChangeState.valueOf(h.toState), h.principal, Instant.ofEpochMilli(h.at), h.comment))
                .toList()).orElse(List.of()));
    }

    /** How many moves to {@code state} happened in {@code [from, to)}, per change type (counted once a change). */
    public List<ChangeRequest> reached(ChangeState state, Instant from, Instant to) {
        return JpaWork.read(emf,
                em -> em.createQuery("SELECT c FROM ChangeEntity c WHERE c.id IN (SELECT h.changeId FROM"
                        + " HistoryEntity h WHERE h.toState = :s AND h.at >= :from AND h.at < :to)", ChangeEntity.class)
                        .setParameter("s", state.name()).setParameter("from", from.toEpochMilli())
                        .setParameter("to", to.toEpochMilli()).getResultList().stream().map(e -> request(em, e))
                        .toList());
    }

    /** The changes that ever FAILED, oldest first. */
    public List<ChangeRequest> everFailed() {
        return JpaWork.read(emf,
                em -> em.createQuery("SELECT c FROM ChangeEntity c WHERE c.id IN (SELECT h.changeId FROM"
                        + " HistoryEntity h WHERE h.toState = :s) ORDER BY c.id", ChangeEntity.class)
                        .setParameter("s", ChangeState.FAILED.name()).getResultList().stream().map(e -> request(em, e))
                        .toList());
    }

    /** Stores a step run. */
    public void addRun(String reference, StepRun run) {
        JpaWork.write(emf, em -> {
            ChangeEntity c = entity(em, reference, false).orElseThrow();
            StepRunEntity e = new StepRunEntity();
            e.changeId = c.id;
            e.phase = run.phase().name();
            e.step = run.step();
            e.host = run.host();
            e.command = run.command().length() > 4000 ? run.command().substring(0, 4000) : run.command();
            e.status = run.status().name();
            e.exitCode = run.exitCode();
            e.output = run.output();
            e.started = run.started().toEpochMilli();
            e.ended = run.ended().toEpochMilli();
            em.persist(e);
            return null;
        });
    }

    /** The step runs of a change, in order. */
    public List<StepRun> runs(String reference) {
        return JpaWork.read(emf, em -> entity(em, reference, false).map(c -> em
                .createQuery("SELECT r FROM StepRunEntity r WHERE r.changeId = :c ORDER BY r.id", StepRunEntity.class)
                .setParameter("c", c.id).getResultList().stream()
                .map(r -> new StepRun(StepRun.Phase.valueOf(r.phase), r.step, r.host, r.command,
                        StepRun.Status.valueOf(r.status), r.exitCode, r.output, Instant.ofEpochMilli(r.started),
                        Instant.ofEpochMilli(r.ended)))
                .toList()).orElse(List.of()));
    }

    /** Creates or replaces a template; returns the previous one. */
    public Optional<ChangeTemplate> saveTemplate(ChangeTemplate t) {
        return JpaWork.write(emf, em -> {
            TemplateEntity e = em.find(TemplateEntity.class, t.name());
            Optional<ChangeTemplate> before = Optional.ofNullable(e).map(ChangeStore::template);
            if (e == null) {
                e = new TemplateEntity();
                e.name = t.name();
                em.persist(e);
            }
            e.title = t.title();
            e.reason = t.reason();
            e.steps = Texts.lines(t.steps());
            e.rollbackSteps = Texts.lines(t.rollbackSteps());
            e.testPlan = t.testPlan();
            return before;
        });
    }

    /** The templates by name. */
    public List<ChangeTemplate> templates() {
        return JpaWork.read(emf,
                em -> em.createQuery("SELECT t FROM TemplateEntity t ORDER BY t.name", TemplateEntity.class)
                        .getResultList().stream().map(ChangeStore::template).toList());
    }

    /** Stores a freeze window (id 0: new); returns it with its id. */
    public FreezeWindow saveFreeze(FreezeWindow f) {
        return JpaWork.write(emf, em -> {
            FreezeEntity e = f.id() == 0 ? new FreezeEntity() : em.find(FreezeEntity.class, f.id());
            if (e == null) {
                throw new IllegalArgumentException("no freeze window " + f.id());
            }
            e.name = f.name();
            e.start = f.start().toEpochMilli();
            e.end = f.end().toEpochMilli();
            e.reason = f.reason() == null ? "" : f.reason();
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return freeze(e);
        });
    }

    /** Deletes a freeze window; returns it. */
    public Optional<FreezeWindow> deleteFreeze(long id) {
        return JpaWork.write(emf, em -> {
            FreezeEntity e = em.find(FreezeEntity.class, id);
            if (e == null) {
                return Optional.empty();
            }
            em.remove(e);
            return Optional.of(freeze(e));
        });
    }

    /** The freeze windows overlapping {@code [from, to)}, by start. */
    public List<FreezeWindow> freezes(Instant from, Instant to) {
        return JpaWork.read(emf, em -> em
                .createQuery("SELECT f FROM FreezeEntity f WHERE f.start < :to AND f.end > :from ORDER BY f.start",
                        FreezeEntity.class)
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli()).getResultList()
                .stream().map(ChangeStore::freeze).toList());
    }

    /** Creates or replaces how an item's host is reached; returns the previous setting. */
    public Optional<HostAccess> saveAccess(HostAccess a) {
        return JpaWork.write(emf, em -> {
            AccessEntity e = em.find(AccessEntity.class, a.ciId());
            Optional<HostAccess> before = Optional.ofNullable(e).map(ChangeStore::access);
            if (e == null) {
                e = new AccessEntity();
                e.ciId = a.ciId();
                em.persist(e);
            }
            e.host = a.host();
            e.port = a.port();
            e.user = a.user();
            e.credentialAlias = a.credentialAlias();
            return before;
        });
    }

    /** How the item's host is reached, as stored. */
    public Optional<HostAccess> access(String ciId) {
        return JpaWork.read(emf,
                em -> Optional.ofNullable(em.find(AccessEntity.class, ciId)).map(ChangeStore::access));
    }

    private static Optional<ChangeEntity> entity(EntityManager em, String reference, boolean lock) {
        var q = em.createQuery("SELECT c FROM ChangeEntity c WHERE c.reference = :r", ChangeEntity.class)
                .setParameter("r", reference);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultList().stream().findFirst();
    }

    private static void apply(ChangeEntity e, ChangeDraft d) {
        e.type = d.type().name();
        e.title = d.title();
        e.reason = d.reason();
        e.items = Texts.items(d.items());
        e.plannedStart = d.plannedStart() == null ? null : d.plannedStart().toEpochMilli();
        e.plannedEnd = d.plannedEnd() == null ? null : d.plannedEnd().toEpochMilli();
        e.steps = Texts.lines(d.steps());
        e.rollbackSteps = Texts.lines(d.rollbackSteps());
        e.testPlan = d.testPlan();
        e.implementer = d.implementer();
    }

    private static void history(EntityManager em, long changeId, ChangeState from, ChangeState to, String who,
            Instant at, String comment) {
        HistoryEntity h = new HistoryEntity();
        h.changeId = changeId;
        h.fromState = from == null ? null : from.name();
        h.toState = to.name();
        h.principal = who;
        h.at = at.toEpochMilli();
        h.comment = comment == null ? "" : comment;
        em.persist(h);
    }

    private static ChangeRequest request(EntityManager em, ChangeEntity e) {
        ChangeDraft draft = new ChangeDraft(ChangeType.valueOf(e.type), e.title, e.reason, Texts.items(e.items),
                instant(e.plannedStart), instant(e.plannedEnd), Texts.lines(e.steps), Texts.lines(e.rollbackSteps),
                e.testPlan, e.implementer);
        RiskAssessment risk = e.riskScore == null
                ? null
                : new RiskAssessment(e.riskScore, RiskAssessment.levelOf(e.riskScore), Texts.lines(e.riskReasons));
        List<Approval> approvals = new ArrayList<>();
        if (e.id != null) {
            for (ApprovalEntity a : em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.changeId = :c ORDER BY a.id",
                    ApprovalEntity.class).setParameter("c", e.id).getResultList()) {
                approvals.add(new Approval(a.approver, a.approved, a.comment, Instant.ofEpochMilli(a.at),
                        a.afterStart));
            }
        }
        return new ChangeRequest(e.reference, ChangeState.valueOf(e.state), draft, e.requester, e.template, risk,
                approvals, instant(e.actualStart), instant(e.actualEnd), Instant.ofEpochMilli(e.created),
                Instant.ofEpochMilli(e.updated));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static ChangeTemplate template(TemplateEntity e) {
        return new ChangeTemplate(e.name, e.title, e.reason, Texts.lines(e.steps), Texts.lines(e.rollbackSteps),
                e.testPlan);
    }

    private static FreezeWindow freeze(FreezeEntity e) {
        return new FreezeWindow(e.id, e.name, Instant.ofEpochMilli(e.start), Instant.ofEpochMilli(e.end), e.reason);
    }

    private static HostAccess access(AccessEntity e) {
        return new HostAccess(e.ciId, e.host, e.port, e.user, e.credentialAlias);
    }

}
