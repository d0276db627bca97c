package org.opsbench.incidents.internal.sla;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.service.TicketEvents;
import org.opsbench.incidents.internal.store.TicketRow;
import org.opsbench.incidents.internal.store.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The periodic SLA checker: finds open tickets whose near-breach time or deadline has come, flags them once, posts
 * {@code SLA_WARNING} / {@code SLA_BREACHED} and applies the policy's escalation (raise priority, reassign). Runs every
 * {@code interval.seconds} (component property, default 30; 0 switches the schedule off, {@link #check} still works).
 */
@Component(service = SlaWatch.class, property = "interval.seconds:Integer=30")
public final class SlaWatch {

    /** Who acts for the checker in audit records and worklogs. */
    public static final Principal SYSTEM = Principal.system("incidents-sla");

    private final IncidentsRuntime runtime;
    private final AuditLog audit;
    private final Logger log;
    private final ScheduledExecutorService timer;

    /** Starts the schedule. */
    @Activate
    public SlaWatch(@Reference IncidentsRuntime runtime, @Reference AuditLog audit,
            @Reference(service = LoggerFactory.class) Logger log, Map<String, Object> properties) {
        this.runtime = runtime;
        this.audit = audit;
        this.log = log;
        int seconds = properties.get("interval.seconds") instanceof Integer i ? i : 30;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-incidents-sla");
            t.setDaemon(true);
            return t;
        });
        if (seconds > 0) {
            timer.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void tick() {
        try {
            check(runtime.clock().instant());
        } catch (RuntimeException e) {
            log.error("SLA check failed: {}", e.getMessage(), e);
        }
    }

    /** One finding of a check. */
    public record Finding(String reference, String topic, String target) {
    }

    /** Checks all tickets as of {@code now}; returns what it raised. */
    public synchronized List<Finding> check(Instant now) {
        List<Finding> out = new ArrayList<>();
        TicketStore store = runtime.tickets();
        try {
            for (TicketRow candidate : store.due(now, 500)) {
                out.addAll(checkOne(store, candidate.reference, now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        return out;
    }

    private List<Finding> checkOne(TicketStore store, String reference, Instant now) throws SQLException {
        List<Finding> found = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        TicketRow[] rows = new TicketRow[2];
        long at = now.toEpochMilli();
        store.inTransaction(c -> {
            Optional<TicketRow> locked = store.lock(c, reference);
            if (locked.isEmpty() || !locked.get().state.isOpen()) {
                return null;
            }
            TicketRow t = locked.get();
            rows[0] = t.copy();
            if (!t.warned && t.warnAt != null && t.warnAt <= at) {
                t.warned = true;
                found.add(new Finding(t.reference, Topics.INCIDENTS_SLA_WARNING, "resolution"));
            }
            if (!t.responseBreached && t.responded == null && t.responseDue != null && t.responseDue <= at) {
                t.responseBreached = true;
                found.add(new Finding(t.reference, Topics.INCIDENTS_SLA_BREACHED, "response"));
            }
            if (!t.breached && t.resolutionDue != null && t.resolutionDue <= at) {
                t.breached = true;
                t.warned = true;
                found.add(new Finding(t.reference, Topics.INCIDENTS_SLA_BREACHED, "resolution"));
                escalate(t, escalations);
            }
            if (found.isEmpty()) {
                return null;
            }
            t.updated = at;
            store.update(c, t);
            for (Finding f : found) {
                TicketStore.addWorklog(c, t.id, new WorklogEntry(now, SYSTEM.name(), WorklogEntry.Kind.SYSTEM,
                        (f.topic().equals(Topics.INCIDENTS_SLA_WARNING) ? "SLA near breach: " : "SLA breached: ")
                                + f.target() + " target of policy " + t.slaPolicy,
                        Duration.ZERO));
            }
            for (String e : escalations) {
                TicketStore.addWorklog(c, t.id,
                        new WorklogEntry(now, SYSTEM.name(), WorklogEntry.Kind.SYSTEM, "escalated: " + e,
                                Duration.ZERO));
            }
            rows[1] = t;
            return null;
        });
        if (rows[1] == null) {
            return List.of();
        }
        TicketRow t = rows[1];
        if (!escalations.isEmpty()) {
            audit.append(new AuditEntry(SYSTEM, "incidents.sla.escalate", "ticket", t.reference,
                    "escalated " + t.reference + ": " + String.join(", ", escalations), rows[0].summary(),
                    t.summary()));
        }
        Optional<SlaPolicy> policy = policy(t);
        for (Finding f : found) {
            Map<String, Object> p = TicketEvents.of(t, SYSTEM, at);
            p.put(TicketEvents.TARGET, f.target());
            boolean notify = policy.map(x -> x.escalation().alert()).orElse(false);
            p.put(EventProperties.SEVERITY, f.topic().equals(Topics.INCIDENTS_SLA_WARNING)
                    ? Severity.WARNING.name()
                    : notify ? Severity.CRITICAL.name() : Severity.MAJOR.name());
            p.put(EventProperties.SUMMARY, t.reference + (f.topic().equals(Topics.INCIDENTS_SLA_WARNING)
                    ? " is close to its "
                    : " missed its ") + f.target() + " target: " + t.title);
            runtime.post(f.topic(), p);
        }
        return found;
    }

    private Optional<SlaPolicy> policy(TicketRow t) {
        return runtime.policies().stream().filter(p -> p.name().equals(t.slaPolicy)).findFirst();
    }

    private void escalate(TicketRow t, List<String> done) {
        Optional<SlaPolicy> policy = policy(t);
        if (policy.isEmpty()) {
            return;
        }
        SlaPolicy.Escalation e = policy.get().escalation();
        if (e.raisePriority() && t.priority != Priority.P1) {
            Priority old = t.priority;
            t.priority = Priority.values()[t.priority.ordinal() - 1];
            done.add("priority " + old + " -> " + t.priority);
        }
        if (e.reassignTo() != null && !e.reassignTo().equals(t.group)) {
            done.add("group " + t.group + " -> " + e.reassignTo());
            t.group = e.reassignTo();
            t.assignee = null;
        }
    }
}
