package org.opsbench.incidents.internal.service;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.sla.SlaClock;
import org.opsbench.incidents.internal.store.CalendarChange;
import org.opsbench.incidents.internal.store.Codecs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link IncidentsAdmin}: settings as named texts in one transaction each, audited with before and after; a new
 * business-hours calendar recomputes the SLA deadlines of the open tickets in the same transaction.
 */
@Component(service = IncidentsAdmin.class)
public final class AdminService implements IncidentsAdmin {

    private final IncidentsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;

    /** With the runtime and the security core. */
    @Activate
    public AdminService(@Reference IncidentsRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public List<AssignmentGroup> groups(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.desk().groups();
    }

    @Override
    public void saveGroup(Principal caller, AssignmentGroup group) {
        access.check(caller, IncidentsPermissions.ADMIN);
        Optional<AssignmentGroup> before = runtime.desk().saveGroup(group);
        audit.append(new AuditEntry(caller, before.isPresent() ? "incidents.group.update" : "incidents.group.create",
                "incidents-group", group.name(), "saved assignment group " + group.name(),
                before.map(Object::toString).orElse(null), group.toString()));
    }

    @Override
    public boolean deleteGroup(Principal caller, String name) {
        access.check(caller, IncidentsPermissions.ADMIN);
        Optional<AssignmentGroup> gone = runtime.desk().deleteGroup(name);
        gone.ifPresent(g -> audit.append(new AuditEntry(caller, "incidents.group.delete", "incidents-group", name,
                "deleted assignment group " + name, g.toString(), null)));
        return gone.isPresent();
    }

    @Override
    public PriorityMatrix matrix(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.matrix();
    }

    @Override
    public void saveMatrix(Principal caller, PriorityMatrix matrix) {
        access.check(caller, IncidentsPermissions.ADMIN);
        if (matrix == null) {
            throw new InvalidTicketException("matrix", "is required");
        }
        save(caller, IncidentsRuntime.MATRIX_KEY, matrix.encode(), "priority matrix " + matrix.size() + "x"
                + matrix.size());
    }

    @Override
    public BusinessCalendar calendar(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.calendar();
    }

    @Override
    public void saveCalendar(Principal caller, BusinessCalendar calendar) {
        access.check(caller, IncidentsPermissions.ADMIN);
        if (calendar == null) {
            throw new InvalidTicketException("calendar", "is required");
        }
        String text = Codecs.calendar(calendar);
        BusinessTime time = new BusinessTime(calendar);
        // the setting and the deadlines of the open tickets in one transaction: both change, or neither
        Object[] result = new Object[2];
        try {
            runtime.tickets().inTransaction(c -> {
                result[0] = CalendarChange.writeSetting(c, IncidentsRuntime.CALENDAR_KEY, text).orElse(null);
                result[1] = CalendarChange.recomputeOpen(c, t -> SlaClock.recompute(t, time));
                return null;
            });
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
        runtime.reload();
        int recomputed = (Integer) result[1];
        audit.append(new AuditEntry(caller, "incidents.settings.update", "incidents-setting",
                IncidentsRuntime.CALENDAR_KEY, "changed business-hours calendar; recomputed the SLA deadlines of "
                        + recomputed + " open tickets",
                (String) result[0], text));
        runtime.post(Topics.INCIDENTS_UPDATED, Map.of(EventProperties.PRINCIPAL, caller.name(),
                EventProperties.SUMMARY, "business-hours calendar changed: SLA deadlines of " + recomputed
                        + " open tickets recomputed",
                EventProperties.TIMESTAMP, runtime.clock().millis(), "count", recomputed));
    }

    @Override
    public List<SlaPolicy> policies(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.policies().stream()
                .sorted(Comparator.comparing(SlaPolicy::priority).thenComparing(SlaPolicy::name)).toList();
    }

    @Override
    public void savePolicies(Principal caller, List<SlaPolicy> policies) {
        access.check(caller, IncidentsPermissions.ADMIN);
        Set<String> names = new HashSet<>();
        Set<String> slots = new HashSet<>();
        List<String> groups = runtime.desk().groups().stream().map(AssignmentGroup::name).toList();
        for (SlaPolicy p : policies) {
            if (!names.add(p.name())) {
                throw new InvalidTicketException("name", "two policies are named '" + p.name() + "'");
            }
            if (!slots.add(p.priority() + "/" + (p.category() == null ? "" : p.category().toLowerCase()))) {
                throw new InvalidTicketException("priority", "two policies for " + p.priority()
                        + (p.category() == null ? "" : " and category " + p.category()));
            }
            if (p.escalation().reassignTo() != null && !groups.contains(p.escalation().reassignTo())) {
                throw new InvalidTicketException("escalation.reassignTo", "policy " + p.name()
                        + ": no assignment group '" + p.escalation().reassignTo() + "'");
            }
        }
        save(caller, IncidentsRuntime.POLICIES_KEY, Codecs.policies(policies), policies.size() + " SLA policies");
    }

    @Override
    public Settings settings(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.settings();
    }

    @Override
    public void saveSettings(Principal caller, Settings settings) {
        access.check(caller, IncidentsPermissions.ADMIN);
        if (settings == null) {
            throw new InvalidTicketException("settings", "are required");
        }
        save(caller, IncidentsRuntime.SETTINGS_KEY, Codecs.settings(settings), "service-desk settings");
    }

    private void save(Principal caller, String key, String text, String what) {
        Optional<String> before = runtime.desk().saveSetting(key, text);
        runtime.reload();
        audit.append(new AuditEntry(caller, "incidents.settings.update", "incidents-setting", key, "changed " + what,
                before.orElse(null), text));
    }
}
