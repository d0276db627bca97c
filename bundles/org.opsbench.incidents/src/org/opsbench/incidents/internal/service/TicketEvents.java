package org.opsbench.incidents.internal.service;

import java.util.HashMap;
import java.util.Map;

import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.incidents.internal.store.TicketRow;

/** The properties of ticket events. */
public final class TicketEvents {

    /** {@code String}: {@code INCIDENT} or {@code REQUEST}. */
    public static final String KIND = "kind";
    /** {@code String}: {@code P1}..{@code P5}. */
    public static final String PRIORITY = "priority";
    /** {@code String}: the assignment group, when there is one. */
    public static final String GROUP = "group";
    /** {@code String}: the assignee, when there is one. */
    public static final String ASSIGNEE = "assignee";
    /** {@code String}: which SLA target an SLA event is about: {@code response} or {@code resolution}. */
    public static final String TARGET = "sla.target";

    private TicketEvents() {
    }

    /** The common properties of an event about {@code t}, caused by {@code by}. */
    public static Map<String, Object> of(TicketRow t, Principal by, long at) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.REFERENCE, t.reference);
        p.put(EventProperties.PRINCIPAL, by.name());
        p.put(EventProperties.SUMMARY, t.reference + " " + t.title);
        p.put(EventProperties.TIMESTAMP, at);
        p.put(EventProperties.SEVERITY, severity(t).name());
        p.put(EventProperties.NEW_STATE, t.state.name());
        p.put(KIND, t.kind.name());
        p.put(PRIORITY, t.priority.name());
        if (t.group != null) {
            p.put(GROUP, t.group);
        }
        if (t.assignee != null) {
            p.put(ASSIGNEE, t.assignee);
        }
        if (t.source != null) {
            p.put(EventProperties.SOURCE, t.source);
        }
        if (!t.cis.isEmpty()) {
            p.put(EventProperties.CI_ID, t.cis.get(0).id());
            p.put(EventProperties.CI_TYPE, t.cis.get(0).type());
            p.put(EventProperties.CI_NAME, t.cis.get(0).name());
        }
        return p;
    }

    /** P1 critical, P2 major, P3 minor, P4 warning, P5 info. */
    public static Severity severity(TicketRow t) {
        return switch (t.priority) {
            case P1 -> Severity.CRITICAL;
            case P2 -> Severity.MAJOR;
            case P3 -> Severity.MINOR;
            case P4 -> Severity.WARNING;
            case P5 -> Severity.INFO;
        };
    }
}
