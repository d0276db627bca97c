package org.opsbench.incidents.internal.service;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.store.TicketRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Incidents from monitoring, without depending on it: subscribes to {@code org/opsbench/monitoring/STATE_CHANGED}. A
 * hard problem that alerts opens one incident per {@code source}; later alerts of the same source add to that open
 * incident's worklog; the recovery (an OK/UP state, severity INFO) resolves it when {@code autoResolve} is on, and only
 * notes it otherwise.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "="
        + Topics.MONITORING_STATE_CHANGED)
public final class MonitoringEvents implements EventHandler {

    /** Who acts for monitoring in tickets, worklogs and audit records. */
    public static final Principal SYSTEM = Principal.system("incidents-monitoring");

    private final IncidentsRuntime runtime;
    private final TicketService tickets;
    private final Logger log;

    /** With the ticket service. */
    @Activate
    public MonitoringEvents(@Reference IncidentsRuntime runtime, @Reference TicketService tickets,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.runtime = runtime;
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            handle(event);
        } catch (RuntimeException | SQLException e) {
            log.error("Monitoring event of {} not turned into an incident: {}",
                    event.getProperty(EventProperties.SOURCE), e.getMessage(), e);
        }
    }

    /** Handles one state change; synchronized so that two alerts of one source never open two incidents. */
    synchronized void handle(Event event) throws SQLException {
        String source = text(event, EventProperties.SOURCE);
        if (source.isEmpty()) {
            return;
        }
        Severity severity = severity(text(event, EventProperties.SEVERITY));
        String state = text(event, EventProperties.NEW_STATE);
        String summary = text(event, EventProperties.SUMMARY);
        boolean alert = !(event.getProperty("alert") instanceof Boolean b) || b;
        Optional<TicketRow> open = runtime.tickets().inTransaction(c -> runtime.tickets().openBySource(c, source));
        if (severity == Severity.INFO) {
            if (open.isEmpty()) {
                return;
            }
            String ref = open.get().reference;
            if (runtime.settings().autoResolve()) {
                tickets.change(SYSTEM, ref, "incidents.ticket.transition", (t, now) -> tickets.rules().apply(SYSTEM,
                        t, TransitionRequest.resolved("auto-recovered", source + " is " + state + ": " + summary),
                        now));
            } else {
                tickets.change(SYSTEM, ref, "incidents.ticket.alert",
                        (t, now) -> "recovered: " + source + " is " + state + ": " + summary);
            }
            return;
        }
        if (!alert) {
            return;
        }
        if (open.isPresent()) {
            tickets.change(SYSTEM, open.get().reference, "incidents.ticket.alert",
                    (t, now) -> "alert again: " + source + " is " + state + ": " + summary);
            return;
        }
        int size = runtime.matrix().size();
        int high = 1;
        int medium = size == 5 ? 3 : 2;
        int impact = severity == Severity.CRITICAL || severity == Severity.MAJOR ? high : medium;
        int urgency = severity == Severity.CRITICAL ? high : medium;
        String name = text(event, EventProperties.CI_NAME);
        String title = (name.isEmpty() ? source : name) + " " + state + (summary.isEmpty() ? "" : ": " + summary);
        String configured = runtime.settings().monitoringGroup();
        List<AssignmentGroup> groups = runtime.desk().groups();
        String group = configured != null && groups.stream().anyMatch(g -> g.name().equals(configured))
                ? configured
                : null;
        TicketDraft draft = new TicketDraft(TicketKind.INCIDENT, title.length() > 200
                ? title.substring(0, 200)
                : title, "Opened by monitoring: " + source + " changed to " + state + ".\n" + summary, "",
                "monitoring", List.of(), impact, urgency, group, null);
        TicketRow t = tickets.newRow(draft, SYSTEM.name(), runtime.clock().instant());
        t.source = source;
        String ciId = text(event, EventProperties.CI_ID);
        String ciType = text(event, EventProperties.CI_TYPE);
        if (!ciId.isEmpty() && !ciType.isEmpty()) {
            t.cis = List.of(new CiRef(ciId, ciType, name));
        }
        tickets.insertTicket(SYSTEM, t, "opened by monitoring: " + source + " is " + state);
    }

    private static String text(Event e, String key) {
        Object v = e.getProperty(key);
        return v == null ? "" : v.toString();
    }

    private static Severity severity(String name) {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Severity.WARNING;
        }
    }
}
