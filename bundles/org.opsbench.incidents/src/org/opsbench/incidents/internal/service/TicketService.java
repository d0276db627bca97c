package org.opsbench.incidents.internal.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.Attachment;
import org.opsbench.incidents.ImportResult;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.Metrics;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.sla.SlaClock;
import org.opsbench.incidents.internal.store.DeskStore;
import org.opsbench.incidents.internal.store.TicketRow;
import org.opsbench.incidents.internal.store.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link Incidents}: permission check, validation, one JDBC transaction (ticket row and worklog together), audit record
 * with before and after, then the event.
 */
@Component(service = {Incidents.class, TicketService.class})
public final class TicketService implements Incidents {

    private final IncidentsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;
    private final TransitionRules rules;
    private final TicketAttachments attachments;

    // the assets area, when installed, resolves CI references; without it ids are kept as given
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    /** With the runtime and the security core. */
    @Activate
    public TicketService(@Reference IncidentsRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
        this.rules = new TransitionRules(runtime);
        this.attachments = new TicketAttachments(runtime, access, audit);
    }

    /** The lifecycle rules (used by the monitoring subscriber too). */
    TransitionRules rules() {
        return rules;
    }

    private TicketStore store() {
        return runtime.tickets();
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    private Ticket view(TicketRow t) {
        return t.toTicket(SlaClock.view(t, now(), runtime.businessTime()));
    }

    static IllegalStateException database(SQLException e) {
        return new IllegalStateException("database: " + e.getMessage(), e);
    }

    @Override
    public Ticket create(Principal caller, TicketDraft draft) {
        access.check(caller, IncidentsPermissions.WRITE);
        if (draft.group() != null || draft.assignee() != null) {
            access.check(caller, IncidentsPermissions.ASSIGN);
        }
        TicketRow t = newRow(draft, caller.name(), now());
        return view(insert(caller, t, "logged by " + caller.name()));
    }

    /** A validated row for {@code draft}, with priority and SLA, not yet stored. */
    TicketRow newRow(TicketDraft draft, String reporter, Instant at) {
        TicketRow t = new TicketRow();
        Validation.fields(t, draft, runtime.matrix(), Validation.cis(draft.ciIds(), items));
        t.group = Validation.group(draft.group(), runtime.desk().groups());
        t.assignee = Validation.optional("assignee", draft.assignee(), 100);
        t.reporter = reporter;
        t.created = at.toEpochMilli();
        t.updated = t.created;
        if (t.assignee != null || t.group != null) {
            t.state = TicketState.ASSIGNED;
            t.responded = t.created;
            t.assignments = t.assignee == null ? 0 : 1;
        }
        SlaClock.apply(t, SlaClock.select(runtime.policies(), t.priority, t.category), runtime.businessTime());
        return t;
    }

    /** Stores a new row with a fresh reference, audits and posts OPENED (for the monitoring subscriber too). */
    Ticket insertTicket(Principal caller, TicketRow t, String logLine) {
        return view(insert(caller, t, logLine));
    }

    private TicketRow insert(Principal caller, TicketRow t, String logLine) {
        try {
            store().inTransaction(c -> {
                t.reference = t.kind.reference(TicketStore.reserve(c, t.kind.prefix(), 1));
                store().insert(c, t);
                TicketStore.addWorklog(c, t.id, new WorklogEntry(Instant.ofEpochMilli(t.created), caller.name(),
                        WorklogEntry.Kind.SYSTEM, logLine, Duration.ZERO));
                return null;
            });
        } catch (SQLException e) {
            throw database(e);
        }
        audit.append(new AuditEntry(caller, "incidents.ticket.create", "ticket", t.reference,
                "logged " + t.reference + ": " + t.title, null, t.summary()));
        runtime.post(Topics.INCIDENTS_OPENED, TicketEvents.of(t, caller, t.created));
        return t;
    }

    @Override
    public Optional<Ticket> ticket(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            return store().find(normal(reference)).map(this::view);
        } catch (SQLException e) {
            throw database(e);
        }
    }

    static String normal(String reference) {
        return reference == null ? "" : reference.strip().toUpperCase();
    }

    /** One change of one ticket: what it does to the row, and the worklog lines it adds. */
    @FunctionalInterface
    interface Change {
        /** Changes {@code t} (locked); returns the worklog line, or null for none. */
        String apply(TicketRow t, Instant now);
    }

    /**
     * Locks the ticket, applies {@code change}, writes row and worklog in one transaction, audits with before and after
     * and posts UPDATED (and RESOLVED when it got resolved).
     */
    TicketRow change(Principal caller, String reference, String action, Change change) {
        String ref = normal(reference);
        TicketRow[] result = new TicketRow[2];
        Instant now = now();
        try {
            store().inTransaction(c -> {
                TicketRow t = store().lock(c, ref)
                        .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + ref));
                TicketRow before = t.copy();
                String line = change.apply(t, now);
                t.updated = now.toEpochMilli();
                store().update(c, t);
                if (line != null) {
                    TicketStore.addWorklog(c, t.id,
                            new WorklogEntry(now, caller.name(), WorklogEntry.Kind.SYSTEM, line, Duration.ZERO));
                }
                result[0] = before;
                result[1] = t;
                return null;
            });
        } catch (SQLException e) {
            throw database(e);
        }
        TicketRow before = result[0];
        TicketRow t = result[1];
        audit.append(new AuditEntry(caller, action, "ticket", t.reference, action.substring(action.lastIndexOf('.')
                + 1) + " " + t.reference + (before.state != t.state ? ": " + before.state + " -> " + t.state : ""),
                before.summary(), t.summary()));
        Map<String, Object> props = TicketEvents.of(t, caller, now.toEpochMilli());
        props.put(EventProperties.OLD_STATE, before.state.name());
        runtime.post(Topics.INCIDENTS_UPDATED, props);
        if (t.state == TicketState.RESOLVED && before.state != TicketState.RESOLVED) {
            runtime.post(Topics.INCIDENTS_RESOLVED, props);
        }
        return t;
    }

    @Override
    public Ticket update(Principal caller, String reference, TicketDraft fields) {
        access.check(caller, IncidentsPermissions.WRITE);
        List<CiRef> cis = Validation.cis(fields.ciIds(), items);
        return view(change(caller, reference, "incidents.ticket.update", (t, now) -> {
            TransitionRules.requireOpen(t);
            if (fields.kind() != t.kind) {
                throw new InvalidTicketException("kind", "an " + t.kind + " stays one; log a new ticket instead");
            }
            Priority old = t.priority;
            String oldCategory = t.category;
            Validation.fields(t, fields, runtime.matrix(), cis);
            if (old != t.priority || !oldCategory.equals(t.category)) {
                SlaClock.apply(t, SlaClock.select(runtime.policies(), t.priority, t.category),
                        runtime.businessTime());
            }
            return old != t.priority ? "priority " + old + " -> " + t.priority : "fields changed";
        }));
    }

    @Override
    public Set<TicketState> transitions(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            return store().find(normal(reference)).map(t -> rules.allowed(t, now()))
                    .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + normal(reference)));
        } catch (SQLException e) {
            throw database(e);
        }
    }

    @Override
    public Ticket transition(Principal caller, String reference, TransitionRequest request) {
        access.check(caller, IncidentsPermissions.WRITE);
        if (request == null || request.target() == null) {
            throw new InvalidTicketException("state", "a target state is required");
        }
        return view(change(caller, reference, "incidents.ticket.transition",
                (t, now) -> rules.apply(caller, t, request, now)));
    }

    @Override
    public Ticket assign(Principal caller, String reference, String group, String assignee) {
        access.check(caller, IncidentsPermissions.ASSIGN);
        String g = group == null || group.isBlank() ? null : group.strip();
        String a = assignee == null || assignee.isBlank() ? null : assignee.strip();
        Validation.group(g, runtime.desk().groups());
        Validation.text("assignee", a, 100, false);
        return view(change(caller, reference, "incidents.ticket.assign", (t, now) -> rules.assign(t, g, a, now)));
    }

    @Override
    public void addWorklog(Principal caller, String reference, String text, Duration timeSpent) {
        access.check(caller, IncidentsPermissions.WRITE);
        String body = Validation.text("text", text == null ? "" : text.strip(), 8000, true);
        Duration spent = timeSpent == null ? Duration.ZERO : timeSpent;
        if (spent.isNegative()) {
            throw new InvalidTicketException("timeSpent", "must not be negative, was " + spent);
        }
        String ref = normal(reference);
        Instant now = now();
        TicketRow t;
        try {
            t = store().inTransaction(c -> {
                TicketRow row = store().lock(c, ref)
                        .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + ref));
                TicketStore.addWorklog(c, row.id, new WorklogEntry(now, caller.name(),
                        spent.isZero() ? WorklogEntry.Kind.COMMENT : WorklogEntry.Kind.WORK, body, spent));
                row.updated = now.toEpochMilli();
                store().update(c, row);
                return row;
            });
        } catch (SQLException e) {
            throw database(e);
        }
        audit.append(new AuditEntry(caller, "incidents.ticket.worklog", "ticket", ref,
                (spent.isZero() ? "commented on " : "logged " + spent + " of work on ") + ref, null, body));
        runtime.post(Topics.INCIDENTS_UPDATED, TicketEvents.of(t, caller, now.toEpochMilli()));
    }

    @Override
    public List<WorklogEntry> worklog(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            TicketRow t = store().find(normal(reference))
                    .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + normal(reference)));
            return store().worklog(t.id);
        } catch (SQLException e) {
            throw database(e);
        }
    }

    @Override
    public Attachment attach(Principal caller, String reference, String name, String contentType, byte[] content) {
        return attachments.attach(caller, normal(reference), name, contentType, content);
    }

    @Override
    public List<Attachment> attachments(Principal caller, String reference) {
        return attachments.list(caller, normal(reference));
    }

    @Override
    public byte[] attachmentContent(Principal caller, long attachmentId) {
        return attachments.content(caller, attachmentId);
    }

    @Override
    public void removeAttachment(Principal caller, long attachmentId) {
        attachments.remove(caller, attachmentId);
    }

    private List<String> groupsOf(Principal caller) {
        return runtime.desk().groups().stream().filter(g -> g.members().contains(caller.name()))
                .map(AssignmentGroup::name).toList();
    }

    @Override
    public List<Ticket> queue(Principal caller, QueueQuery query) {
        access.check(caller, IncidentsPermissions.READ);
        Instant now = now();
        try {
            return store().queue(query, caller.name(), groupsOf(caller)).stream()
                    .map(t -> t.toTicket(SlaClock.quickView(t, now))).toList();
        } catch (SQLException e) {
            throw database(e);
        }
    }

    @Override
    public long count(Principal caller, QueueQuery query) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            return store().count(query, caller.name(), groupsOf(caller));
        } catch (SQLException e) {
            throw database(e);
        }
    }

    @Override
    public ImportResult importCsv(Principal caller, Reader csv) throws IOException {
        access.check(caller, IncidentsPermissions.IMPORT);
        TicketImport importer = new TicketImport(store(), runtime.matrix(), runtime.policies(), runtime.businessTime(),
                items, runtime.desk().groups());
        ImportResult result = importer.run(csv, caller.name(), now());
        if (result.succeeded()) {
            audit.append(new AuditEntry(caller, "incidents.ticket.import", "ticket", String.join(" ",
                    result.references()), "imported " + result.imported() + " tickets", null,
                    String.join(" ", result.references())));
            runtime.post(Topics.INCIDENTS_UPDATED, Map.of(EventProperties.PRINCIPAL, caller.name(),
                    EventProperties.SUMMARY, "imported " + result.imported() + " tickets",
                    EventProperties.TIMESTAMP, now().toEpochMilli(), "count", result.imported()));
        }
        return result;
    }

    @Override
    public long exportCsv(Principal caller, QueueQuery query, Writer out) throws IOException {
        access.check(caller, IncidentsPermissions.READ);
        return TicketExport.write(store(), query, caller.name(), groupsOf(caller), out);
    }

    @Override
    public Metrics metrics(Principal caller, Instant from, Instant to) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            return MetricsQuery.compute(store().dataSource(), from, to, now());
        } catch (SQLException e) {
            throw database(e);
        }
    }

    @Override
    public List<Problem> knownErrorsFor(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        TicketRow t;
        try {
            t = store().find(normal(reference))
                    .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + normal(reference)));
        } catch (SQLException e) {
            throw database(e);
        }
        return KnownErrors.matching(runtime.desk().knownErrors(), t.title + "\n" + t.description, t.cis).stream()
                .map(e -> DeskStore.problem(e, List.of())).toList();
    }
}
